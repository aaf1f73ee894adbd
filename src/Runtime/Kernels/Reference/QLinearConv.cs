using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// QLinearConv (opset 10): the int32 convolution of (x - x_zero_point) and (w - w_zero_point) plus
/// the int32 bias, requantised as y = saturate(round(acc * x_scale * w_scale / y_scale +
/// y_zero_point)), rounding half to even. As in the ONNX reference the multiplier is formed in
/// float32 and applied in double. w_scale and w_zero_point are per tensor or per output channel.
/// </summary>
public sealed class QLinearConv : Kernel
{
    private readonly IntegerConvolution _conv;
    private int[] _acc = [];

    private QLinearConv(IntegerConvolution conv) => _conv = conv;

    public static Kernel Create(KernelInfo info) => new QLinearConv(IntegerConvolution.FromAttributes(info));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var xScale = context.Input(1);
        var xZeroPoint = context.OptionalInput(2);
        var w = context.Input(3);
        var wScale = context.Input(4);
        var wZeroPoint = context.OptionalInput(5);
        var yScale = context.Input(6);
        var yZeroPoint = context.OptionalInput(7);
        var bias = context.OptionalInput(8);
        var y = context.Output(0);

        var outType = yZeroPoint?.Type ?? x.Type;
        foreach (var t in (ReadOnlySpan<DataType>)[x.Type, w.Type, outType])
            if (t is not (DataType.Int8 or DataType.UInt8)) throw context.Error($"element type {DataTypeInfo.Name(t)} is not supported (int8 or uint8)");
        if (xZeroPoint != null && xZeroPoint.Type != x.Type) throw context.Error("x_zero_point must have the type of x");
        if (wZeroPoint != null && wZeroPoint.Type != w.Type) throw context.Error("w_zero_point must have the type of w");
        if (xScale.Type != DataType.Float || wScale.Type != DataType.Float || yScale.Type != DataType.Float) throw context.Error("scales must be float32");
        if (xScale.Length != 1 || yScale.Length != 1 || (yZeroPoint != null && yZeroPoint.Length != 1)) throw context.Error("x_scale, y_scale and y_zero_point must be scalars");
        long maps = w.Rank > 0 ? w.Shape[0] : 0;
        if (wScale.Length != 1 && wScale.Length != maps) throw context.Error($"w_scale must be a scalar or have {maps} values, not {wScale.Length}");

        Span<long> shape = stackalloc long[Math.Max(x.Rank, 3)];
        Span<long> pads = stackalloc long[Math.Max(x.Rank - 2, 1)];
        int rank;
        try
        {
            rank = _conv.OutputShape(x.Shape, w.Shape, shape, pads);
            long count = Broadcast.Count(shape[..rank]);
            if (_acc.Length < count) _acc = new int[count];
            _conv.Run(x, xZeroPoint, w, wZeroPoint, bias, _acc);
        }
        catch (EdgeMLException e)
        {
            throw context.Error(e.Message);
        }

        y.Allocate(outType, shape[..rank]);
        QuantizationMath.TryGetIntegerRange(outType, out int min, out int max);
        float xs = xScale.ReadOnlySpan<float>()[0], ys = yScale.ReadOnlySpan<float>()[0];
        var wScales = wScale.ReadOnlySpan<float>();
        double yz = yZeroPoint == null ? 0 : IntegerMatMul.ReadInt(yZeroPoint, 0);
        int perMap = (int)KernelHelpers.Product(shape[..rank], 2, rank);
        int total = (int)y.Length;
        for (int i = 0; i < total; i++)
        {
            int map = perMap == 0 ? 0 : (int)(i / perMap % maps);
            float multiplier = xs * wScales[wScales.Length == 1 ? 0 : map] / ys;
            int q = QuantizationMath.RoundAndSaturate(_acc[i] * (double)multiplier + yz, min, max);
            if (outType == DataType.UInt8) y.Span<byte>()[i] = (byte)q;
            else y.Span<sbyte>()[i] = (sbyte)q;
        }
    }
}
