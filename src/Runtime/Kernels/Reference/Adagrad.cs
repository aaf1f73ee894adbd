using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// ai.onnx.preview.training.Adagrad (version 1): one ADAGRAD step for each optimised tensor X with
/// gradient G and accumulated squared gradient H: r = R / (1 + T * decay_factor),
/// G' = norm_coefficient * X + G, H_new = H + G'^2, X_new = X - r * G' / (sqrt(H_new) + epsilon).
/// Inputs: R, T, X_1..X_k, G_1..G_k, H_1..H_k; outputs: X_new_1..k, H_new_1..k.
/// </summary>
public sealed class Adagrad : Kernel
{
    private readonly double _decay, _epsilon, _norm;

    private Adagrad(double decay, double epsilon, double norm)
    {
        _decay = decay;
        _epsilon = epsilon;
        _norm = norm;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        return new Adagrad(a.GetFloat("decay_factor", 0), a.GetFloat("epsilon", 0), a.GetFloat("norm_coefficient", 0));
    }

    public override void Execute(KernelContext context)
    {
        int k = OptimizerInputs.Count(context, 3, 2);
        var (r, t) = OptimizerInputs.Scalars(context);
        double rate = r / (1 + t * _decay);
        for (int i = 0; i < k; i++)
        {
            var x = context.Input(2 + i);
            var g = context.Input(2 + k + i);
            var h = context.Input(2 + 2 * k + i);
            OptimizerInputs.Check(context, x, g);
            OptimizerInputs.Check(context, x, h);
            var xNew = context.OptionalOutput(i);
            var hNew = context.OptionalOutput(k + i);
            xNew?.Allocate(x.Type, x.Shape);
            hNew?.Allocate(x.Type, x.Shape);
            if (x.Type == DataType.Float) Step<float>(x, g, h, xNew, hNew, rate);
            else Step<double>(x, g, h, xNew, hNew, rate);
        }
    }

    private void Step<T>(Tensor x, Tensor g, Tensor h, Tensor? xNew, Tensor? hNew, double rate) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var xs = x.ReadOnlySpan<T>();
        var gs = g.ReadOnlySpan<T>();
        var hs = h.ReadOnlySpan<T>();
        var xo = xNew == null ? default : xNew.Span<T>();
        var ho = hNew == null ? default : hNew.Span<T>();
        T r = T.CreateChecked(rate), norm = T.CreateChecked(_norm), eps = T.CreateChecked(_epsilon);
        for (int i = 0; i < xs.Length; i++)
        {
            T gr = norm * xs[i] + OptimizerInputs.At(gs, i);
            T hn = OptimizerInputs.At(hs, i) + gr * gr;
            if (!ho.IsEmpty) ho[i] = hn;
            if (!xo.IsEmpty) xo[i] = xs[i] - r * gr / (T.Sqrt(hn) + eps);
        }
    }
}
