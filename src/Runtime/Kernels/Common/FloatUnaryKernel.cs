using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>A unary operator over the floating-point types; <typeparamref name="TOp"/> is the function.
/// float16 and bfloat16 are computed in float32 and rounded once.</summary>
public sealed class FloatUnaryKernel<TOp> : Kernel where TOp : IFloatUnary
{
    public static Kernel Create(KernelInfo info) => new FloatUnaryKernel<TOp>();

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        y.Allocate(x.Type, x.Shape);
        switch (x.Type)
        {
            case DataType.Float: UnaryLoops.Map<float, float, UnaryLoops.FloatAdapter<float, TOp>>(x.ReadOnlySpan<float>(), y.Span<float>()); break;
            case DataType.Double: UnaryLoops.Map<double, double, UnaryLoops.FloatAdapter<double, TOp>>(x.ReadOnlySpan<double>(), y.Span<double>()); break;
            case DataType.Float16: UnaryLoops.Map<Half, Half, UnaryLoops.HalfFloatAdapter<TOp>>(x.ReadOnlySpan<Half>(), y.Span<Half>()); break;
            case DataType.BFloat16: UnaryLoops.Map<ushort, ushort, UnaryLoops.BFloat16FloatAdapter<TOp>>(x.ReadOnlySpan<ushort>(), y.Span<ushort>()); break;
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }
}
