using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// Element offsets of a tensor unidirectionally broadcast to a larger shape, for a block of that
/// shape's axes. Broadcast strides are linear in the index, so the offset of an element of the
/// target is the sum of the offsets of its index split into leading and trailing axes: kernels
/// that broadcast a parameter (LayerNormalization's scale, an attention mask) fill one small table
/// per block and add them.
/// </summary>
public static class BroadcastOffsets
{
    /// <summary>True when <paramref name="shape"/> broadcasts unidirectionally to <paramref name="target"/>.</summary>
    public static bool CanBroadcast(ReadOnlySpan<long> shape, ReadOnlySpan<long> target)
    {
        if (shape.Length > target.Length) return false;
        int lead = target.Length - shape.Length;
        for (int i = 0; i < shape.Length; i++)
            if (shape[i] != 1 && shape[i] != target[lead + i]) return false;
        return true;
    }

    /// <summary>
    /// For every index of target axes [<paramref name="from"/>, <paramref name="to"/>) in row-major
    /// order, the offset into a tensor of <paramref name="shape"/> broadcast to
    /// <paramref name="target"/> (the other axes' indices taken as 0). Throws when
    /// <paramref name="shape"/> does not broadcast.
    /// </summary>
    public static void Fill(ReadOnlySpan<long> shape, ReadOnlySpan<long> target, int from, int to, Span<int> offsets, string what)
    {
        if (!CanBroadcast(shape, target)) throw new EdgeMLException($"{what} {Tensor.ShapeText(shape)} does not broadcast to {Tensor.ShapeText(target)}");
        int rank = target.Length;
        Span<long> strides = stackalloc long[rank];
        Broadcast.Strides(shape, target, strides);
        int count = (int)KernelHelpers.Product(target, from, to);
        Span<long> index = stackalloc long[Math.Max(to - from, 0)];
        index.Clear();
        long offset = 0;
        for (int i = 0; i < count; i++)
        {
            offsets[i] = (int)offset;
            for (int k = to - 1; k >= from; k--)
            {
                offset += strides[k];
                if (++index[k - from] < target[k]) break;
                offset -= strides[k] * target[k];
                index[k - from] = 0;
            }
        }
    }
}
