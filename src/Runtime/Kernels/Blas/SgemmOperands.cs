namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>How an SGEMM operand is laid out in memory.</summary>
internal enum SgemmLayout : byte
{
    /// <summary>Element (i, j) at Data[i · RowStride + j · ColumnStride]: row-major, column-major
    /// (a transposed operand) or anything strided. Packed into panels block by block while multiplying.</summary>
    Strided,
    /// <summary>Already in panels over the whole depth K (see <see cref="PackedWeights"/>): A in
    /// 6-row panels, B in 16-column panels. Used in place, no packing.</summary>
    Packed,
    /// <summary>B only: the unrolled input columns of a convolution (im2col), packed straight from the
    /// input image without materialising the column matrix.</summary>
    Im2Col,
    /// <summary>B only, chosen by the driver: row-major with whole 16-column panels, read in place by
    /// the micro-kernels (row stride <see cref="SgemmOperand.RowStride"/>) without packing.</summary>
    Direct,
}

/// <summary>One operand of an SGEMM: its layout and where it is.</summary>
internal unsafe struct SgemmOperand
{
    public SgemmLayout Layout;
    public float* Data;
    public nint RowStride, ColumnStride;
    /// <summary>For <see cref="SgemmLayout.Im2Col"/>: the convolution whose columns B holds.</summary>
    public ConvolutionColumns* Columns;
    /// <summary>For <see cref="SgemmLayout.Im2Col"/>: the first column of the convolution this operand starts at.</summary>
    public int ColumnOffset;

    public static SgemmOperand Strided(float* data, nint rowStride, nint columnStride) => new() { Layout = SgemmLayout.Strided, Data = data, RowStride = rowStride, ColumnStride = columnStride };
    public static SgemmOperand RowMajor(float* data, nint rowStride) => Strided(data, rowStride, 1);
    public static SgemmOperand Packed(float* data) => new() { Layout = SgemmLayout.Packed, Data = data };
    public static SgemmOperand Im2Col(ConvolutionColumns* columns) => new() { Layout = SgemmLayout.Im2Col, Columns = columns };
}

/// <summary>
/// What happens to C = A · B before it is stored:
/// C = activation(Alpha · A·B + Beta · (RowBias[i] + ColumnBias[j] + Residual[i, j])), each term
/// optional. The micro-kernels apply the biases and a clamp activation in registers when Alpha and
/// Beta are 1; anything else runs as a vectorised pass over each finished tile while it is in cache.
/// </summary>
internal unsafe struct SgemmEpilogue
{
    public float* RowBias;
    /// <summary>Distance between consecutive rows' biases (0 broadcasts one value to every row).</summary>
    public nint RowBiasStride;
    public float* ColumnBias;
    public float* Residual;
    public nint ResidualRowStride;
    public float Alpha;
    public float Beta;
    public Common.Activation Activation;

    public static SgemmEpilogue Default => new() { Alpha = 1, Beta = 1, RowBiasStride = 1 };
}

internal static unsafe class SgemmOperandExtensions
{
    /// <summary>The operand from row <paramref name="i0"/> on (an A operand; packed A must start on a panel).</summary>
    public static SgemmOperand FromRow(this SgemmOperand a, int i0, int k)
    {
        var r = a;
        if (a.Layout == SgemmLayout.Packed) r.Data = a.Data + (long)(i0 / Sgemm.PanelRows) * k * Sgemm.PanelRows;
        else r.Data = a.Data + i0 * a.RowStride;
        return r;
    }

    /// <summary>The operand from column <paramref name="j0"/> on (a B operand; packed B must start on a panel).</summary>
    public static SgemmOperand FromColumn(this SgemmOperand b, int j0, int k)
    {
        var r = b;
        switch (b.Layout)
        {
            case SgemmLayout.Packed: r.Data = b.Data + (long)(j0 / Sgemm.PanelWidth) * k * Sgemm.PanelWidth; break;
            case SgemmLayout.Im2Col: r.ColumnOffset = b.ColumnOffset + j0; break;
            default: r.Data = b.Data + j0 * b.ColumnStride; break;
        }
        return r;
    }
}
