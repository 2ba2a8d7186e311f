import Foundation

@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The harness body; libFuzzer calls one input at a time, on one thread.
nonisolated(unsafe) private var body: ([UInt8]) -> Void = { _ in }

/// Runs libFuzzer's driver (its command-line flags: `-runs=N`, `-max_total_time=S`, corpus folders) over `test`,
/// which must return normally on every input: a trap, an overflow or a memory error is the crash libFuzzer reports.
/// SwiftPM links an executable's top-level code as `main`, so the harness calls the driver itself rather than
/// relying on libFuzzer's own `main`.
public func runFuzzer(_ test: @escaping ([UInt8]) -> Void) -> Never {
    body = test
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(llvmFuzzerRunDriver(&argc, &argv, testOneInput))
}

/// libFuzzer's entry point (its archive's own `main`, unused, refers to it by this name).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    body(data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
    return 0
}
