using System.Numerics;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>A unary floating-point function with up to two float attributes (Elu's alpha,
/// HardSigmoid's alpha and beta, ...). The operator reads its attributes once, when the kernel is
/// created, and is then applied to every element.</summary>
public interface IFloatActivation
{
    /// <summary>The operator's two parameters from the node's attributes (defaults when absent).</summary>
    static abstract (float Alpha, float Beta) Parameters(KernelInfo info);

    static abstract T Apply<T>(T x, T alpha, T beta) where T : IFloatingPointIeee754<T>;
}

/// <summary>Runs an <see cref="IFloatActivation"/> over float, double, float16 and bfloat16
/// (the 16-bit types computed in float32 and rounded once).</summary>
public sealed class FloatActivationKernel<TOp> : Kernel where TOp : IFloatActivation
{
    private readonly float _alpha;
    private readonly float _beta;

    private FloatActivationKernel(float alpha, float beta)
    {
        _alpha = alpha;
        _beta = beta;
    }

    public static Kernel Create(KernelInfo info)
    {
        var (alpha, beta) = TOp.Parameters(info);
        return new FloatActivationKernel<TOp>(alpha, beta);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        y.Allocate(x.Type, x.Shape);
        int n = (int)x.Length;
        switch (x.Type)
        {
            case DataType.Float:
            {
                var s = x.ReadOnlySpan<float>();
                var d = y.Span<float>();
                for (int i = 0; i < n; i++) d[i] = TOp.Apply(s[i], _alpha, _beta);
                break;
            }
            case DataType.Double:
            {
                var s = x.ReadOnlySpan<double>();
                var d = y.Span<double>();
                double alpha = _alpha, beta = _beta;
                for (int i = 0; i < n; i++) d[i] = TOp.Apply(s[i], alpha, beta);
                break;
            }
            case DataType.Float16:
            {
                var s = x.ReadOnlySpan<Half>();
                var d = y.Span<Half>();
                for (int i = 0; i < n; i++) d[i] = (Half)TOp.Apply((float)s[i], _alpha, _beta);
                break;
            }
            case DataType.BFloat16:
            {
                var s = x.ReadOnlySpan<ushort>();
                var d = y.Span<ushort>();
                for (int i = 0; i < n; i++) d[i] = BFloat16.FromSingle(TOp.Apply(BFloat16.ToSingle(s[i]), _alpha, _beta));
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }
}
