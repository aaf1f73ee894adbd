using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// DynamicQuantizeLinear (opset 11): quantises float32 x to uint8 with a scale and zero point
/// computed from the data. The range is [min(0, min x), max(0, max x)]; scale = range / 255 (1/255
/// when the range is empty); zero point = round(clamp(0 - min / scale, 0, 255)); then
/// y = saturate(round(x / scale) + zero point). All rounding is half to even, all math float32.
/// </summary>
public sealed class DynamicQuantizeLinear : Kernel
{
    public static Kernel Create(KernelInfo info) => new DynamicQuantizeLinear();

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Type != DataType.Float) throw context.Error($"input of type {DataTypeInfo.Name(x.Type)} is not supported (float32 only)");
        var xs = x.ReadOnlySpan<float>();

        float max = 0, min = 0;
        foreach (float v in xs)
        {
            if (v > max) max = v;
            if (v < min) min = v;
        }
        float scale = (max == min ? 1f : max - min) / 255f;
        float initialZeroPoint = 0f - min / scale;
        float clamped = Math.Clamp(initialZeroPoint, 0f, 255f);
        float zeroPoint = MathF.Round(clamped, MidpointRounding.ToEven);

        var y = context.Output(0);
        y.Allocate(DataType.UInt8, x.Shape);
        var ys = y.Span<byte>();
        for (int i = 0; i < xs.Length; i++)
            ys[i] = (byte)QuantizationMath.RoundAndSaturate(xs[i] / scale, zeroPoint, 0, 255);

        if (context.OptionalOutput(1) is { } yScale)
        {
            yScale.Allocate(DataType.Float, []);
            yScale.Span<float>()[0] = scale;
        }
        if (context.OptionalOutput(2) is { } yZeroPoint)
        {
            yZeroPoint.Allocate(DataType.UInt8, []);
            yZeroPoint.Span<byte>()[0] = (byte)zeroPoint;
        }
    }
}
