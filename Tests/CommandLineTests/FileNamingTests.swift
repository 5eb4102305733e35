import Foundation
import Testing
import TestSupport
@testable import astercdr

/// One run reads each file once: the same file named again, by its path, a symlink or a hard link,
/// is refused before anything is opened or read.
@Suite struct FileNamingTests {
    @Test func aFileNamedTwiceIsRefusedWhateverTheName() throws {
        try withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("events.log").path
            let other = dir.appendingPathComponent("other.log").path
            let hardLink = dir.appendingPathComponent("hard.log").path
            let symlink = dir.appendingPathComponent("soft.log").path
            try Data("x\n".utf8).write(to: URL(fileURLWithPath: file))
            try Data("y\n".utf8).write(to: URL(fileURLWithPath: other))
            try FileManager.default.linkItem(atPath: file, toPath: hardLink)
            try FileManager.default.createSymbolicLink(atPath: symlink, withDestinationPath: file)

            #expect(Parsed(["ingest", file, other, "-"]).command(IngestCommand.self)?.files == [file, other, "-"])
            for second in [file, hardLink, symlink] {
                #expect(Parsed(["ingest", file, other, second]).refusal
                    == "'\(second)' is the same file as '\(file)' (named twice, or through a symlink or hard link): name each file once")
            }
            #expect(Parsed(["ingest", "--follow", symlink, other, file]).refusal
                == "'\(file)' is the same file as '\(symlink)' (named twice, or through a symlink or hard link): name each file once")
        }
    }
}
