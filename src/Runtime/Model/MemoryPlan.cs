namespace EdgeML.Runtime.Model;

/// <summary>
/// The static memory plan computed by the compiler: one arena of <see cref="ArenaSize"/> bytes and,
/// per value, an offset and a capacity inside it. Values with offset -1 are not planned (constants,
/// values of subgraphs, values whose size depends on data); they get a buffer of their own.
/// </summary>
public sealed class MemoryPlan
{
    public static MemoryPlan None(int valueCount)
    {
        var offsets = new long[valueCount];
        Array.Fill(offsets, -1);
        return new MemoryPlan { ArenaSize = 0, Offsets = offsets, Sizes = new long[valueCount] };
    }

    public required long ArenaSize { get; init; }
    public required long[] Offsets { get; init; }
    public required long[] Sizes { get; init; }

    public int PlannedCount => Offsets.Count(o => o >= 0);
}
