import Foundation

/// The fuzz targets' plain mode (built without `-DFUZZING`): checks the inputs named on the command
/// line, so a finding can be rerun, under a debugger if need be, without libFuzzer.
public enum Replay {
    /// Runs `check` on every file of `paths` (a folder stands for the files in it); prints each
    /// failure. Returns the exit status: 0 when every input passed.
    public static func run(_ paths: [String], _ check: (UnsafeRawBufferPointer) -> String?) -> Int32 {
        guard !paths.isEmpty else {
            print("usage: \(CommandLine.arguments[0]) FILE-OR-FOLDER ... (checks each input; build with scripts/fuzz to fuzz)")
            return 2
        }
        let files = paths.flatMap(inputFiles(at:))
        var failed = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                print("\(file): cannot read")
                failed += 1
                continue
            }
            if let failure = data.withUnsafeBytes(check) {
                print("\(file): FAILED: \(failure)")
                failed += 1
            }
        }
        print("\(files.count - failed) of \(files.count) inputs passed")
        return failed == 0 ? 0 : 1
    }

    /// `path` itself when it is a file, else the files under it, sorted.
    public static func inputFiles(at path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = FileManager.default.subpaths(atPath: path) ?? []
        return names.sorted().map { path + "/" + $0 }.filter {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }
}
