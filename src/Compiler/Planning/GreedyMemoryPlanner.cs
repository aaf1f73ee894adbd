namespace EdgeML.Compiler.Planning;

/// <summary>
/// Places buffers in one arena so that buffers alive at the same time never overlap: largest first,
/// each at the lowest offset that fits among the already placed buffers whose lifetimes intersect
/// (the greedy-by-size planner of TFLite Micro). Lifetimes are inclusive step ranges.
/// </summary>
public sealed class GreedyMemoryPlanner
{
    private readonly List<(long Size, int First, int Last)> _buffers = new();

    /// <summary>Adds a buffer alive from step <paramref name="firstUse"/> to <paramref name="lastUse"/>; returns its id.</summary>
    public int AddBuffer(long size, int firstUse, int lastUse)
    {
        if (size < 0 || lastUse < firstUse) throw new ArgumentException("bad buffer");
        _buffers.Add((Align(size), firstUse, lastUse));
        return _buffers.Count - 1;
    }

    public int Count => _buffers.Count;

    /// <summary>Computes the offsets (indexed by buffer id) and the arena size.</summary>
    public (long[] Offsets, long ArenaSize) Plan()
    {
        var offsets = new long[_buffers.Count];
        var order = Enumerable.Range(0, _buffers.Count)
            .OrderByDescending(i => _buffers[i].Size)
            .ThenBy(i => _buffers[i].First)
            .ToArray();
        var placed = new List<int>();
        long arena = 0;
        foreach (int id in order)
        {
            var b = _buffers[id];
            // Placed buffers alive at the same time, by offset; take the first gap that fits.
            var live = placed.Where(p => _buffers[p].First <= b.Last && b.First <= _buffers[p].Last)
                .OrderBy(p => offsets[p]).ToList();
            long candidate = 0;
            foreach (int p in live)
            {
                if (offsets[p] >= candidate + b.Size) break;
                candidate = Math.Max(candidate, offsets[p] + _buffers[p].Size);
            }
            offsets[id] = candidate;
            arena = Math.Max(arena, candidate + b.Size);
            placed.Add(id);
        }
        return (offsets, arena);
    }

    /// <summary>Every buffer starts on a 64-byte boundary, as SIMD kernels expect.</summary>
    public static long Align(long size) => (Math.Max(size, 1) + 63) & ~63L;
}
