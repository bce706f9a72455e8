#if canImport(Glibc)
    import Glibc
#endif
import Foundation

/// glibc's allocator gives threads up to eight heaps (arenas) per core, and a heap keeps what was freed in it
/// for reuse by its own threads: a long ingest, whose extraction threads allocate and free heavily while the
/// resolver's state grows, ends up holding much freed memory in many heaps. One heap per core keeps peak
/// memory about a third lower on the memory-scaling benchmark (`Benchmarks/run-memory-scaling.sh`) at no
/// measurable cost in speed. `MALLOC_ARENA_MAX` in the environment, when set, is left to decide.
enum MemoryArenas {
    static func limitToCores() {
        #if canImport(Glibc)
            guard ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil,
                let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt")  // RTLD_DEFAULT
            else { return }
            // int mallopt(int param, int value), with M_ARENA_MAX (-8) from <malloc.h>, which Glibc does not import.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            _ = mallopt(-8, Int32(clamping: max(2, ProcessInfo.processInfo.activeProcessorCount)))
        #endif
    }
}
