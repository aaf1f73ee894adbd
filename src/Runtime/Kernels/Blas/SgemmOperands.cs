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
}

/// <summary>One operand of an SGEMM: its layout and where it is.</summary>
internal unsafe struct SgemmOperand
{
    public SgemmLayout Layout;
    public float* Data;
    public nint RowStride, ColumnStride;
    /// <summary>For <see cref="SgemmLayout.Im2Col"/>: the convolution whose columns B holds.</summary>
    public ConvolutionColumns* Columns;

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
