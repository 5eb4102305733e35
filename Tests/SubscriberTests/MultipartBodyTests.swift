@testable import Ingest
import Testing

@Suite struct MultipartBodyTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    func texts(_ parts: [ArraySlice<UInt8>]?) -> [String]? { parts?.map { String(decoding: $0, as: UTF8.self) } }

    @Test func theBoundaryComesFromTheContentType() {
        #expect(MultipartBody.boundary(contentType: "multipart/mixed; boundary=1jHV1EhnvOtbBlQPI5KKucK9JH8zzV/0") == "1jHV1EhnvOtbBlQPI5KKucK9JH8zzV/0")
        #expect(MultipartBody.boundary(contentType: #"Multipart/Mixed;charset=utf-8; Boundary="a b""#) == "a b")
        #expect(MultipartBody.boundary(contentType: "text/plain; boundary=x") == nil)
        #expect(MultipartBody.boundary(contentType: "multipart/mixed") == nil)
    }

    /// nchan 1.3.6's /sub-multi answer, byte for byte: a part without headers, then one with.
    @Test func nchansMultipartAnswerGivesEachMessage() {
        let body = "--B/0\r\n\r\na=1\r\nb=2\r\n--B/0\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nc=3\r\n--B/0--\r\n"
        #expect(texts(MultipartBody.parts(of: bytes(body), boundary: "B/0")) == ["a=1\r\nb=2", "c=3"])
    }

    @Test func aPreambleLFLinesAndAnEmptyPartAreAccepted() {
        let body = "preamble\n--x\nX-A: 1\n\none\n--x\n\n\n--x--"
        #expect(texts(MultipartBody.parts(of: bytes(body), boundary: "x")) == ["one", ""])
    }

    @Test func aBodyCutShortOrWithAnotherBoundaryIsRefused() {
        #expect(MultipartBody.parts(of: bytes("--x\r\n\r\none\r\n--x\r\n\r\ntw"), boundary: "x") == nil)
        #expect(MultipartBody.parts(of: bytes("--y\r\n\r\none\r\n--y--"), boundary: "x") == nil)
        #expect(MultipartBody.parts(of: bytes("--x\r\nX-A: 1"), boundary: "x") == nil)
    }
}
