#if canImport(Glibc)
    import Glibc
#endif
import Foundation

/// glibc's allocator gives threads up to eight heaps (arenas) per core, and a heap keeps what was freed in it
/// for reuse by its own threads: a long ingest, whose extraction threads allocate and free heavily while the
/// resolvers' state grows, ends up holding much freed memory in many heaps. Commands that open a store
/// (``StoreOptions/open()``: ingest, reextract, serve…) limit it to one heap per core. Measured on 2 cores: an
/// 8,000-article ingest peaked at 580 MiB instead of 668 MiB (resident at the end of the batches 343 instead of
/// 530 MiB), with no slower ingest; `extract`, whose memory is flat anyway, ran about 7% slower with the limit
/// and does not take it. `MALLOC_ARENA_MAX` in the environment, when set, is left to decide.
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
