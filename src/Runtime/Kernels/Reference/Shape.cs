using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Shape: the input's dimensions as a 1-D int64 tensor; from opset 15 only dims [start, end)
/// (negative values count from the end, both clamped to [0, rank]).</summary>
public sealed class Shape : Kernel
{
    private readonly long _start;
    private readonly long? _end;

    private Shape(long start, long? end)
    {
        _start = start;
        _end = end;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        long? end = a.Has("end") ? a.GetInt("end", 0) : null;
        return new Shape(a.GetInt("start", 0), end);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        int rank = x.Rank;
        long start = Clamp(_start, rank);
        long end = _end is { } e ? Clamp(e, rank) : rank;
        long n = Math.Max(0, end - start);
        Span<long> shape = [n];
        y.Allocate(DataType.Int64, shape);
        var dst = y.Span<long>();
        for (int i = 0; i < n; i++) dst[i] = x.Dim((int)start + i);
    }

    private static long Clamp(long axis, int rank)
    {
        if (axis < 0) axis += rank;
        return Math.Clamp(axis, 0, rank);
    }
}
