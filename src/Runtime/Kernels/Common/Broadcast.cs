using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>NumPy-style multidirectional broadcasting (ONNX Broadcasting.md): shapes are aligned
/// at the right and each pair of dimensions must be equal or contain a 1.</summary>
public static class Broadcast
{
    public const int MaxRank = 16;

    /// <summary>Writes the broadcast shape of <paramref name="a"/> and <paramref name="b"/> into
    /// <paramref name="result"/> and returns its rank.</summary>
    public static int Shape(ReadOnlySpan<long> a, ReadOnlySpan<long> b, Span<long> result, string what = "inputs")
    {
        int rank = Math.Max(a.Length, b.Length);
        if (rank > MaxRank) throw new EdgeMLException($"{what}: rank {rank} exceeds {MaxRank}");
        for (int i = 0; i < rank; i++)
        {
            long da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            long db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da == db || db == 1) result[i] = da;
            else if (da == 1) result[i] = db;
            else throw new EdgeMLException($"{what} cannot be broadcast: {Tensor.ShapeText(a)} and {Tensor.ShapeText(b)}");
        }
        return rank;
    }

    /// <summary>Element strides of <paramref name="shape"/> seen through the broadcast
    /// <paramref name="outShape"/>: 0 along broadcast dimensions.</summary>
    public static void Strides(ReadOnlySpan<long> shape, ReadOnlySpan<long> outShape, Span<long> strides)
    {
        int rank = outShape.Length;
        long s = 1;
        for (int i = rank - 1; i >= 0; i--)
        {
            int j = i - (rank - shape.Length);
            long d = j >= 0 ? shape[j] : 1;
            strides[i] = d == 1 ? 0 : s;
            s *= d;
        }
    }

    /// <summary>Plain row-major strides.</summary>
    public static void DenseStrides(ReadOnlySpan<long> shape, Span<long> strides)
    {
        long s = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= shape[i];
        }
    }

    public static long Count(ReadOnlySpan<long> shape)
    {
        long n = 1;
        foreach (var d in shape) n *= d;
        return n;
    }
}
