namespace EdgeML.Runtime.Kernels.Common;

/// <summary>Index arithmetic shared by the data-movement kernels: walking every coordinate of a
/// shape in row-major order without allocating.</summary>
public static class IndexMaps
{
    /// <summary>Advances <paramref name="index"/> (a coordinate in <paramref name="shape"/>) by one in
    /// row-major order; returns false after the last coordinate (the index wraps to zeros).</summary>
    public static bool Next(Span<long> index, ReadOnlySpan<long> shape)
    {
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            if (++index[d] < shape[d]) return true;
            index[d] = 0;
        }
        return false;
    }

    /// <summary>Fills <paramref name="map"/> with, for each element of <paramref name="shape"/> in
    /// row-major order, the offset sum(index[d] * strides[d]) + <paramref name="offset"/>.
    /// Strided views (Transpose, Slice, Expand) are maps of this form.</summary>
    public static void Strided(ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, long offset, Span<int> map)
    {
        int rank = shape.Length;
        long count = Common.Broadcast.Count(shape);
        if (count == 0) return;
        if (rank == 0)
        {
            map[0] = (int)offset;
            return;
        }
        Span<long> index = stackalloc long[rank];
        index.Clear();
        long inner = shape[rank - 1], innerStride = strides[rank - 1];
        long outer = offset;
        int j = 0;
        while (true)
        {
            long p = outer;
            for (long i = 0; i < inner; i++, p += innerStride) map[j++] = (int)p;
            int d = rank - 2;
            for (; d >= 0; d--)
            {
                index[d]++;
                outer += strides[d];
                if (index[d] < shape[d]) break;
                outer -= strides[d] * shape[d];
                index[d] = 0;
            }
            if (d < 0) return;
        }
    }
}
