using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>SwiGLU: Y = A · sigmoid(alpha · A) · B for A and B of the same shape (no broadcasting).
/// float16 and bfloat16 are computed in float32.</summary>
public sealed class SwiGLU : Kernel
{
    private readonly float _alpha;
    private float[]? _a, _b, _y;

    private SwiGLU(float alpha) => _alpha = alpha;

    public static Kernel Create(KernelInfo info) => new SwiGLU(info.Attributes.GetFloat("alpha", 1f));

    public override void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = context.Input(1);
        var y = context.Output(0);
        if (a.Type != b.Type) throw context.Error("A and B must have the same element type");
        if (!a.Shape.SequenceEqual(b.Shape)) throw context.Error($"A {Tensor.ShapeText(a.Shape)} and B {Tensor.ShapeText(b.Shape)} must have the same shape");
        y.Allocate(a.Type, a.Shape);
        switch (a.Type)
        {
            case DataType.Float: Run(a.ReadOnlySpan<float>(), b.ReadOnlySpan<float>(), y.Span<float>()); break;
            case DataType.Double: Run(a.ReadOnlySpan<double>(), b.ReadOnlySpan<double>(), y.Span<double>()); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(a, ref _a), FloatStaging.Widen(b, ref _b), ys);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(a.Type)} is not supported");
        }
    }

    private void Run<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T alpha = T.CreateChecked(_alpha);
        for (int i = 0; i < y.Length; i++) y[i] = a[i] * SigmoidOperator.Apply(alpha * a[i]) * b[i];
    }
}
