using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// DequantizeLinear: y = (x - x_zero_point) * x_scale, computed in float32 (as the ONNX reference
/// does) and written as the scale's type, or as <c>output_dtype</c> (opset 23+). Opset 10 is per
/// tensor; 13 adds per-axis scales; 19 adds float8 inputs and float16/bfloat16 scales; 21 adds
/// blocked quantisation and 16- and 4-bit inputs; 23 adds float4e2m1; 24 float8e8m0 scales; 25
/// the 2-bit inputs.
/// </summary>
public sealed class DequantizeLinear : Kernel
{
    private readonly int _version;
    private readonly long _axis;
    private readonly long _blockSize;
    private readonly DataType _outputDtype;
    private readonly QuantizationOperands _operands = new();

    private DequantizeLinear(int version, long axis, long blockSize, DataType outputDtype)
    {
        _version = version;
        _axis = axis;
        _blockSize = blockSize;
        _outputDtype = outputDtype;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        long blockSize = a.GetInt("block_size", 0);
        if (blockSize < 0) throw info.Error($"block_size must be positive, not {blockSize}");
        var outputDtype = (DataType)a.GetInt("output_dtype", 0);
        if (outputDtype != DataType.Undefined && !IsOutputType(outputDtype))
            throw info.Error($"output_dtype {(int)outputDtype} must be float, float16 or bfloat16");
        return new DequantizeLinear(info.Version, a.GetInt("axis", 1), blockSize, outputDtype);
    }

    private static bool IsOutputType(DataType t) => t is DataType.Float or DataType.Float16 or DataType.BFloat16;

    private static bool IsInputType(DataType t) => QuantizationMath.TryGetIntegerRange(t, out _, out _) || t == DataType.Int32
        || QuantizationMath.IsFloat8(t) || t == DataType.Float4E2M1;

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var scale = context.Input(1);
        var zeroPoint = context.OptionalInput(2);
        var y = context.Output(0);

        if (!IsInputType(x.Type)) throw context.Error($"input x of type {DataTypeInfo.Name(x.Type)} is not supported");
        if (zeroPoint != null && zeroPoint.Type != x.Type)
            throw context.Error($"x_zero_point type {DataTypeInfo.Name(zeroPoint.Type)} differs from x type {DataTypeInfo.Name(x.Type)}");
        if (scale.Type is not (DataType.Float or DataType.Float16 or DataType.BFloat16 or DataType.Float8E8M0))
            throw context.Error($"x_scale of type {DataTypeInfo.Name(scale.Type)} is not supported");
        var outType = _outputDtype != DataType.Undefined ? _outputDtype : scale.Type;
        if (!IsOutputType(outType)) throw context.Error($"a {DataTypeInfo.Name(scale.Type)} scale needs output_dtype to name the output type");

        var layout = _operands.Read(context, x, scale, zeroPoint, _axis, _blockSize, _version, "x");
        var xs = _operands.X;
        var scales = _operands.Scale;
        var zeroPoints = _operands.ZeroPoint;

        y.Allocate(outType, x.Shape);
        for (int o = 0, idx = 0; o < layout.Outer; o++)
        {
            for (int a = 0; a < layout.AxisDim; a++)
            {
                for (int i = 0; i < layout.Inner; i++, idx++)
                {
                    int s = layout.ScaleIndex(o, a, i);
                    float value = (xs[idx] - zeroPoints[s]) * scales[s];
                    QuantizationMath.WriteFloat(y, idx, value);
                }
            }
        }
    }
}
