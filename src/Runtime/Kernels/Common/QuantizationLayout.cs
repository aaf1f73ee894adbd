using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// How the scale (and zero point) of QuantizeLinear / DequantizeLinear map onto the elements of
/// the data: one value for the whole tensor, one per index along <c>axis</c>, or one per block of
/// <c>block_size</c> indices along <c>axis</c> (blocked quantisation, opset 21+). The data is seen
/// as [outer, axis, inner].
/// </summary>
public readonly struct QuantizationLayout
{
    private readonly int _mode; // 0 per tensor, 1 per axis, 2 blocked
    private readonly int _axisDim;
    private readonly int _inner;
    private readonly int _scaleAxisDim;
    private readonly int _blockSize;

    private QuantizationLayout(int mode, int outer, int axisDim, int inner, int scaleAxisDim, int blockSize)
    {
        _mode = mode;
        Outer = outer;
        _axisDim = axisDim;
        _inner = inner;
        _scaleAxisDim = scaleAxisDim;
        _blockSize = blockSize;
    }

    public int Outer { get; }
    public int AxisDim => _axisDim;
    public int Inner => _inner;
    public bool IsPerTensor => _mode == 0;

    /// <summary>Checks the scale's shape against the data's and returns the layout; throws (naming
    /// what is wrong) when they do not fit. <paramref name="allowPerAxis"/> and
    /// <paramref name="allowBlocked"/> follow the operator version.</summary>
    public static QuantizationLayout Create(ReadOnlySpan<long> dataShape, ReadOnlySpan<long> scaleShape, long axis, long blockSize, bool allowPerAxis, bool allowBlocked)
    {
        long total = Broadcast.Count(dataShape);
        long scaleCount = Broadcast.Count(scaleShape);
        if (scaleShape.Length == 0 || scaleCount == 1)
            return new QuantizationLayout(0, 1, (int)total, 1, 1, 0);
        if (!allowPerAxis) throw new EdgeMLException($"the scale must be a scalar in this opset, not shaped {Tensor.ShapeText(scaleShape)}");
        int rank = dataShape.Length;
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) throw new EdgeMLException($"axis {axis} is out of range for rank {rank}");
        int ax = (int)a;
        int outer = (int)KernelHelpers.Product(dataShape, 0, ax);
        int axisDim = (int)dataShape[ax];
        int inner = (int)KernelHelpers.Product(dataShape, ax + 1, rank);
        if (blockSize <= 0)
        {
            if (scaleShape.Length != 1 || scaleShape[0] != axisDim)
                throw new EdgeMLException($"per-axis scale must be 1-D of length {axisDim} (axis {axis} of {Tensor.ShapeText(dataShape)}), not {Tensor.ShapeText(scaleShape)}");
            return new QuantizationLayout(1, outer, axisDim, inner, axisDim, 0);
        }
        if (!allowBlocked) throw new EdgeMLException("blocked quantisation (block_size) needs opset 21 or later");
        if (scaleShape.Length != rank) throw new EdgeMLException($"blocked scale must have the rank of the data ({rank}), not {Tensor.ShapeText(scaleShape)}");
        for (int d = 0; d < rank; d++)
        {
            long expected = d == ax ? (dataShape[d] + blockSize - 1) / blockSize : dataShape[d];
            if (scaleShape[d] != expected)
                throw new EdgeMLException($"blocked scale shape {Tensor.ShapeText(scaleShape)} does not fit data {Tensor.ShapeText(dataShape)} with axis {axis} and block_size {blockSize}");
        }
        return new QuantizationLayout(2, outer, axisDim, inner, (int)scaleShape[ax], (int)blockSize);
    }

    /// <summary>The index into the scale / zero point of data element [o, a, i].</summary>
    public int ScaleIndex(int o, int a, int i) => _mode switch
    {
        0 => 0,
        1 => a,
        _ => (o * _scaleAxisDim + a / _blockSize) * _inner + i,
    };
}
