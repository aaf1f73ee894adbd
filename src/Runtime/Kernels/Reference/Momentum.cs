using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// ai.onnx.preview.training.Momentum (version 1): one step of SGD with momentum for each optimised
/// tensor X with gradient G and momentum V: G' = norm_coefficient * X + G,
/// beta' = T > 0 ? beta : 1, V_new = alpha V + beta' G'; standard mode X_new = X - R V_new,
/// nesterov mode X_new = X - R (G' + alpha V_new).
/// Inputs: R, T, X_1..k, G_1..k, V_1..k; outputs: X_new_1..k, V_new_1..k.
/// </summary>
public sealed class Momentum : Kernel
{
    private readonly double _alpha, _beta, _norm;
    private readonly bool _nesterov;

    private Momentum(double alpha, double beta, double norm, bool nesterov)
    {
        _alpha = alpha;
        _beta = beta;
        _norm = norm;
        _nesterov = nesterov;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        foreach (var name in (ReadOnlySpan<string>)["alpha", "beta", "mode", "norm_coefficient"])
            if (!a.Has(name)) throw info.Error($"attribute '{name}' is required");
        bool nesterov = a.GetString("mode", "") switch
        {
            "standard" => false,
            "nesterov" => true,
            var m => throw info.Error($"mode '{m}' is not 'standard' or 'nesterov'"),
        };
        return new Momentum(a.GetFloat("alpha", 0), a.GetFloat("beta", 0), a.GetFloat("norm_coefficient", 0), nesterov);
    }

    public override void Execute(KernelContext context)
    {
        int k = OptimizerInputs.Count(context, 3, 2);
        var (r, t) = OptimizerInputs.Scalars(context);
        double beta = t > 0 ? _beta : 1;
        for (int i = 0; i < k; i++)
        {
            var x = context.Input(2 + i);
            var g = context.Input(2 + k + i);
            var v = context.Input(2 + 2 * k + i);
            OptimizerInputs.Check(context, x, g);
            OptimizerInputs.Check(context, x, v);
            var xNew = context.OptionalOutput(i);
            var vNew = context.OptionalOutput(k + i);
            xNew?.Allocate(x.Type, x.Shape);
            vNew?.Allocate(x.Type, x.Shape);
            if (x.Type == DataType.Float) Step<float>(x, g, v, xNew, vNew, r, beta);
            else Step<double>(x, g, v, xNew, vNew, r, beta);
        }
    }

    private void Step<T>(Tensor x, Tensor g, Tensor v, Tensor? xNew, Tensor? vNew, double rate, double betaAdjusted) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var xs = x.ReadOnlySpan<T>();
        var gs = g.ReadOnlySpan<T>();
        var vs = v.ReadOnlySpan<T>();
        var xo = xNew == null ? default : xNew.Span<T>();
        var vo = vNew == null ? default : vNew.Span<T>();
        T r = T.CreateChecked(rate), norm = T.CreateChecked(_norm), alpha = T.CreateChecked(_alpha), beta = T.CreateChecked(betaAdjusted);
        for (int i = 0; i < xs.Length; i++)
        {
            T gr = norm * xs[i] + OptimizerInputs.At(gs, i);
            T vn = alpha * OptimizerInputs.At(vs, i) + beta * gr;
            if (!vo.IsEmpty) vo[i] = vn;
            if (!xo.IsEmpty) xo[i] = _nesterov ? xs[i] - r * (gr + alpha * vn) : xs[i] - r * vn;
        }
    }
}
