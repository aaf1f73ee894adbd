using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// QLinearMatMul (opsets 10 and 21): the int32 product of (a - a_zero_point) and
/// (b - b_zero_point), requantised as y = saturate(round(acc * a_scale * b_scale / y_scale +
/// y_zero_point)), rounding half to even. As in the ONNX reference the multiplier
/// a_scale * b_scale / y_scale is formed in the scales' type (float32, or float16/bfloat16 from
/// opset 21) and applied in double. Scales and zero points of a are per tensor or per row, of b per
/// tensor or per column, of y per tensor. 8-bit integer operands only: the float8 types opset 21
/// lists are rejected with a clear error.
/// </summary>
public sealed class QLinearMatMul : Kernel
{
    private readonly IntegerMatMul _matmul = new();
    private int[] _acc = [];

    public static Kernel Create(KernelInfo info) => new QLinearMatMul();

    public override void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var aScale = context.Input(1);
        var aZeroPoint = context.OptionalInput(2);
        var b = context.Input(3);
        var bScale = context.Input(4);
        var bZeroPoint = context.OptionalInput(5);
        var yScale = context.Input(6);
        var yZeroPoint = context.OptionalInput(7);
        var y = context.Output(0);

        var outType = yZeroPoint?.Type ?? a.Type;
        foreach (var t in (ReadOnlySpan<DataType>)[a.Type, b.Type, outType])
            if (t is not (DataType.Int8 or DataType.UInt8)) throw context.Error($"element type {DataTypeInfo.Name(t)} is not supported (int8 or uint8)");
        if (aZeroPoint != null && aZeroPoint.Type != a.Type) throw context.Error("a_zero_point must have the type of a");
        if (bZeroPoint != null && bZeroPoint.Type != b.Type) throw context.Error("b_zero_point must have the type of b");
        var scaleType = aScale.Type;
        if (scaleType is not (DataType.Float or DataType.Float16 or DataType.BFloat16) || bScale.Type != scaleType || yScale.Type != scaleType)
            throw context.Error("scales must all be float, float16 or bfloat16, of one type");
        if (yScale.Length != 1 || (yZeroPoint != null && yZeroPoint.Length != 1)) throw context.Error("y_scale and y_zero_point must be scalars");

        Span<long> shape = stackalloc long[Broadcast.MaxRank];
        int rank, m, n, batchRank;
        try
        {
            rank = IntegerMatMul.OutputShape(a.Shape, b.Shape, shape, out m, out _, out n, out batchRank);
            IntegerMatMul.CheckParameter(aScale, a, true, "a_scale");
            IntegerMatMul.CheckParameter(bScale, b, false, "b_scale");
            long count = Broadcast.Count(shape[..rank]);
            if (_acc.Length < count) _acc = new int[count];
            _matmul.Multiply(a, aZeroPoint, b, bZeroPoint, _acc);
        }
        catch (EdgeMLException e)
        {
            throw context.Error(e.Message);
        }

        y.Allocate(outType, shape[..rank]);
        ReadOnlySpan<long> batch = shape[..batchRank];
        long batches = Broadcast.Count(batch);
        float ys = QuantizationMath.ReadSingle(yScale, 0);
        double yz = yZeroPoint == null ? 0 : IntegerMatMul.ReadInt(yZeroPoint, 0);
        QuantizationMath.TryGetIntegerRange(outType, out int min, out int max);
        for (long bi = 0; bi < batches; bi++)
        {
            for (int r = 0; r < m; r++)
            {
                float sa = QuantizationMath.ReadSingle(aScale, IntegerMatMul.RowParameterIndex(aScale, batch, bi, r));
                for (int c = 0; c < n; c++)
                {
                    float sb = QuantizationMath.ReadSingle(bScale, IntegerMatMul.ColumnParameterIndex(bScale, batch, bi, c));
                    float multiplier = QuantizationMath.RoundToPrecision(QuantizationMath.RoundToPrecision(sa * sb, scaleType) / ys, scaleType);
                    int index = (int)((bi * m + r) * n + c);
                    int q = QuantizationMath.RoundAndSaturate(_acc[index] * (double)multiplier + yz, min, max);
                    if (outType == DataType.UInt8) y.Span<byte>()[index] = (byte)q;
                    else y.Span<sbyte>()[index] = (sbyte)q;
                }
            }
        }
    }
}
