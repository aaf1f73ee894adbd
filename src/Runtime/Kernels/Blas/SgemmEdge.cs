using System.Runtime.CompilerServices;

namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>The micro-kernel epilogue for one element, for tile edges that vectors do not cover.</summary>
internal static unsafe class SgemmEdge
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(float* c, float value, int row, int column, in SgemmTileEpilogue e)
    {
        var flags = e.Flags;
        if ((flags & SgemmFlags.Accumulate) != 0) value += *c;
        if ((flags & SgemmFlags.RowBias) != 0) value += e.RowBias[row];
        if ((flags & SgemmFlags.ColumnBias) != 0) value += e.ColumnBias[column];
        if ((flags & SgemmFlags.Residual) != 0) value += e.Residual[row * e.ResidualStride + column];
        if ((flags & SgemmFlags.LeakyRelu) != 0 && value < 0) value *= e.Slope;
        if ((flags & SgemmFlags.Clamp) != 0)
        {
            value = value > e.Min ? value : e.Min;
            value = value < e.Max ? value : e.Max;
        }
        *c = value;
    }
}
