using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>Input checks the sequence operators share: a sequence input, and a scalar position
/// into it (negative positions count from the back).</summary>
public static class SequenceInputs
{
    /// <summary>Input <paramref name="index"/>, which must be a sequence.</summary>
    public static Tensor Sequence(KernelContext context, int index)
    {
        var s = context.Input(index);
        if (s.Kind != ValueKind.Sequence) throw context.Error($"input {index} must be a sequence, not a {s.Kind.ToString().ToLowerInvariant()}");
        return s;
    }

    /// <summary>Reads a position into a sequence of <paramref name="count"/> tensors, accepting
    /// [-count, count - 1], or [-count, count] when <paramref name="inclusiveEnd"/> (insertion).</summary>
    public static int Read(KernelContext context, Tensor position, int count, bool inclusiveEnd)
    {
        if (position.Rank != 0 && position.Length != 1) throw context.Error($"position must be a scalar, not shape {Tensor.ShapeText(position.Shape)}");
        long p = KernelHelpers.ReadInt64Scalar(position);
        long upper = inclusiveEnd ? count : count - 1;
        if (p < -count || p > upper) throw context.Error($"position {p} is out of range [{-count}, {upper}] for a sequence of {count}");
        return (int)(p < 0 ? p + count : p);
    }
}
