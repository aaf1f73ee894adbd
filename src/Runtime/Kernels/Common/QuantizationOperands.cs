using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// The operands of QuantizeLinear and DequantizeLinear as float32: the input, the scales and the
/// zero points (0 when there are none), with the layout that maps each input element to its scale.
/// The arrays are fields that grow once, so steady-state runs do not allocate.
/// </summary>
public sealed class QuantizationOperands
{
    private float[] _x = [];
    private float[] _scale = [];
    private float[] _zeroPoint = [];
    private int _count, _scaleCount;

    public ReadOnlySpan<float> X => _x.AsSpan(0, _count);

    /// <summary>The scales; writable so that QuantizeLinear can round them to its precision.</summary>
    public Span<float> Scale => _scale.AsSpan(0, _scaleCount);

    public ReadOnlySpan<float> ZeroPoint => _zeroPoint.AsSpan(0, _scaleCount);

    /// <summary>
    /// Checks the shapes of the scale and zero point against <paramref name="x"/> and reads all three.
    /// <paramref name="side"/> names the quantised side in messages: "x" (DequantizeLinear) or "y"
    /// (QuantizeLinear).
    /// </summary>
    public QuantizationLayout Read(KernelContext context, Tensor x, Tensor scale, Tensor? zeroPoint, long axis, long blockSize, int version, string side)
    {
        QuantizationLayout layout;
        try
        {
            layout = QuantizationLayout.Create(x.Shape, scale.Shape, axis, blockSize, version >= 13, version >= 21);
        }
        catch (EdgeMLException e)
        {
            throw context.Error(e.Message);
        }
        if (zeroPoint != null && !zeroPoint.Shape.SequenceEqual(scale.Shape) && !(zeroPoint.Length == 1 && scale.Length == 1))
            throw context.Error($"{side}_zero_point shape {Tensor.ShapeText(zeroPoint.Shape)} differs from {side}_scale shape {Tensor.ShapeText(scale.Shape)}");

        _count = (int)x.Length;
        _scaleCount = (int)scale.Length;
        if (_x.Length < _count) _x = new float[_count];
        if (_scale.Length < _scaleCount) _scale = new float[_scaleCount];
        if (_zeroPoint.Length < _scaleCount) _zeroPoint = new float[_scaleCount];
        QuantizationMath.ReadSingles(x, _x);
        QuantizationMath.ReadSingles(scale, _scale);
        if (zeroPoint != null) QuantizationMath.ReadSingles(zeroPoint, _zeroPoint);
        else _zeroPoint.AsSpan(0, _scaleCount).Clear();
        return layout;
    }
}
