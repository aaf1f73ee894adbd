using System.Numerics;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>Compares two elements of one tensor by flat index, for sorting kernels (TopK, Unique).
/// Numbers compare by value with NaN above every number and equal to NaN (NumPy's sort order);
/// strings compare ordinally.</summary>
public interface IElementOrder
{
    int Compare(long i, long j);
}

public readonly struct NumberOrder<T>(Tensor t) : IElementOrder where T : unmanaged, INumber<T>
{
    public int Compare(long i, long j)
    {
        var s = t.ReadOnlySpan<T>();
        return ElementOrders.CompareNumbers(s[(int)i], s[(int)j]);
    }
}

public readonly struct BFloat16Order(Tensor t) : IElementOrder
{
    public int Compare(long i, long j)
    {
        var s = t.ReadOnlySpan<ushort>();
        return ElementOrders.CompareNumbers(BFloat16.ToSingle(s[(int)i]), BFloat16.ToSingle(s[(int)j]));
    }
}

public readonly struct StringOrder(Tensor t) : IElementOrder
{
    public int Compare(long i, long j)
    {
        var s = t.Strings;
        return Math.Sign(string.CompareOrdinal(s[(int)i], s[(int)j]));
    }
}

public static class ElementOrders
{
    public static int CompareNumbers<T>(T a, T b) where T : INumber<T>
    {
        bool na = T.IsNaN(a), nb = T.IsNaN(b);
        if (na || nb) return na == nb ? 0 : (na ? 1 : -1);
        return a < b ? -1 : (a > b ? 1 : 0);
    }
}
