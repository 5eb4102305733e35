import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An HTML report read back with Foundation's XML parser: a page that does not parse as XML
/// throws, and what parses is a tree a test can walk.
final class HTMLElement {
    let name: String
    let attributes: [String: String]
    fileprivate(set) var children: [HTMLElement] = []
    fileprivate(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(_ attribute: String) -> String? {
        attributes[attribute]
    }

    var classes: Set<String> {
        Set((attributes["class"] ?? "").split(separator: " ").map(String.init))
    }

    /// Every element below this one, in document order.
    var descendants: [HTMLElement] {
        children.flatMap { [$0] + $0.descendants }
    }

    func all(_ name: String) -> [HTMLElement] {
        descendants.filter { $0.name == name }
    }

    func first(_ name: String, id: String) -> HTMLElement? {
        descendants.first { $0.name == name && $0["id"] == id }
    }

    /// The chart of the figure `id`: its svg.
    func chart(_ id: String) -> HTMLElement? {
        first("figure", id: id)?.all("svg").first
    }
}

enum HTMLDocument {
    static func parse(_ text: String) throws -> HTMLElement {
        let parser = XMLParser(data: Data(text.utf8))
        let builder = TreeBuilder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw Malformed(reason: parser.parserError.map(String.init(describing:)) ?? "no root element", line: parser.lineNumber)
        }
        return root
    }

    struct Malformed: Error {
        let reason: String
        let line: Int
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: HTMLElement?
        var open: [HTMLElement] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let element = HTMLElement(name: name, attributes: attributes)
            if let parent = open.last { parent.children.append(element) } else { root = element }
            open.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            open.last?.text += string
        }
    }
}
