using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// QuantizeLinear: y = saturate(round(x / y_scale) + y_zero_point), rounding half to even.
/// Opset 10 is per tensor; 13 adds per-axis scales; 19 adds the float8 outputs (with
/// <c>saturate</c>) and float16/bfloat16 scales; 21 adds blocked quantisation, 16- and 4-bit
/// outputs and <c>output_dtype</c>; 23 adds float4e2m1 and <c>precision</c>; 25 adds the 2-bit
/// outputs. The division is done in the precision of the scale's type unless <c>precision</c>
/// names another; float8 and float4 outputs are rounded to nearest even like Cast.
/// </summary>
public sealed class QuantizeLinear : Kernel
{
    private readonly int _version;
    private readonly long _axis;
    private readonly long _blockSize;
    private readonly bool _saturate;
    private readonly DataType _outputDtype;
    private readonly DataType _precision;
    private readonly QuantizationOperands _operands = new();

    private QuantizeLinear(int version, long axis, long blockSize, bool saturate, DataType outputDtype, DataType precision)
    {
        _version = version;
        _axis = axis;
        _blockSize = blockSize;
        _saturate = saturate;
        _outputDtype = outputDtype;
        _precision = precision;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        long blockSize = a.GetInt("block_size", 0);
        if (blockSize < 0) throw info.Error($"block_size must be positive, not {blockSize}");
        long outputDtype = a.GetInt("output_dtype", 0);
        if (outputDtype != 0 && !IsOutputType((DataType)outputDtype))
            throw info.Error($"output_dtype {outputDtype} is not a quantised type QuantizeLinear can produce");
        long precision = a.GetInt("precision", 0);
        if (precision != 0 && (DataType)precision is not (DataType.Float or DataType.Float16 or DataType.BFloat16 or DataType.Double))
            throw info.Error($"precision {precision} must be float, float16, bfloat16 or double");
        return new QuantizeLinear(info.Version, a.GetInt("axis", 1), blockSize, a.GetInt("saturate", 1) != 0, (DataType)outputDtype, (DataType)precision);
    }

    private static bool IsOutputType(DataType t) => QuantizationMath.TryGetIntegerRange(t, out _, out _) || QuantizationMath.IsFloat8(t) || t == DataType.Float4E2M1;

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var scale = context.Input(1);
        var zeroPoint = context.OptionalInput(2);
        var y = context.Output(0);

        var outType = zeroPoint?.Type ?? (_outputDtype != DataType.Undefined ? _outputDtype : DataType.UInt8);
        if (zeroPoint != null && _outputDtype != DataType.Undefined && _outputDtype != zeroPoint.Type)
            throw context.Error($"output_dtype {DataTypeInfo.Name(_outputDtype)} differs from the zero point's type {DataTypeInfo.Name(zeroPoint.Type)}");
        if (!IsOutputType(outType)) throw context.Error($"cannot quantise to {DataTypeInfo.Name(outType)}");
        if (x.Type is not (DataType.Float or DataType.Float16 or DataType.BFloat16 or DataType.Int32))
            throw context.Error($"input x of type {DataTypeInfo.Name(x.Type)} is not supported (float, float16, bfloat16 or int32)");
        if (scale.Type is not (DataType.Float or DataType.Float16 or DataType.BFloat16 or DataType.Int32 or DataType.Float8E8M0))
            throw context.Error($"y_scale of type {DataTypeInfo.Name(scale.Type)} is not supported");

        var layout = _operands.Read(context, x, scale, zeroPoint, _axis, _blockSize, _version, "y");

        // The division's precision: the attribute, else the scale's type (float32 for int32 and e8m0 scales).
        var precision = _precision != DataType.Undefined ? _precision
            : scale.Type is DataType.Float16 or DataType.BFloat16 ? scale.Type : DataType.Float;

        var xs = _operands.X;
        var scales = _operands.Scale;
        var zeroPoints = _operands.ZeroPoint;
        for (int i = 0; i < scales.Length; i++) scales[i] = QuantizationMath.RoundToPrecision(scales[i], precision);

        y.Allocate(outType, x.Shape);
        bool isInteger = QuantizationMath.TryGetIntegerRange(outType, out int min, out int max);
        for (int o = 0, idx = 0; o < layout.Outer; o++)
        {
            for (int a = 0; a < layout.AxisDim; a++)
            {
                for (int i = 0; i < layout.Inner; i++, idx++)
                {
                    int s = layout.ScaleIndex(o, a, i);
                    double q = Divide(xs[idx], scales[s], precision);
                    if (isInteger)
                    {
                        WriteInteger(y, outType, idx, QuantizationMath.RoundAndSaturate(q, zeroPoints[s], min, max));
                    }
                    else if (outType == DataType.Float4E2M1)
                    {
                        // Like the ONNX reference, the (zero) zero point is added in float: -0 becomes +0.
                        float v = zeroPoint != null ? (float)q + zeroPoints[s] : (float)q;
                        ElementConversion.SetNibble(y.Bytes, idx, ElementConversion.SingleToFloat4E2M1(v));
                    }
                    else
                    {
                        float zp = zeroPoints[s];
                        float v = zp != 0 ? (float)q + zp : (float)q;
                        y.Span<byte>()[idx] = QuantizationMath.SingleToFloat8(v, outType, _saturate);
                    }
                }
            }
        }
    }

    /// <summary>x / scale, both taken in <paramref name="precision"/>, the quotient rounded to it.</summary>
    private static double Divide(float x, float scale, DataType precision)
    {
        if (precision == DataType.Double) return (double)x / scale;
        double q = (double)QuantizationMath.RoundToPrecision(x, precision) / scale;
        return QuantizationMath.RoundToPrecision((float)q, precision);
    }

    private static void WriteInteger(Tensor y, DataType type, int index, int value)
    {
        switch (type)
        {
            case DataType.UInt8: y.Span<byte>()[index] = (byte)value; break;
            case DataType.Int8: y.Span<sbyte>()[index] = (sbyte)value; break;
            case DataType.UInt16: y.Span<ushort>()[index] = (ushort)value; break;
            case DataType.Int16: y.Span<short>()[index] = (short)value; break;
            case DataType.UInt4 or DataType.Int4: QuantizationMath.SetPackedCode(y.Bytes, 4, index, value); break;
            default: QuantizationMath.SetPackedCode(y.Bytes, 2, index, value); break;
        }
    }
}
