using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// ai.onnx.preview.training.Adam (version 1): one Adam step for each optimised tensor X with
/// gradient G, momentum V and squared-gradient average H: G' = norm_coefficient * X + G,
/// V_new = alpha V + (1 - alpha) G', H_new = beta H + (1 - beta) G'^2,
/// R' = T > 0 ? R sqrt(1 - beta^T) / (1 - alpha^T) : R,
/// X_new = (1 - norm_coefficient_post) (X - R' V_new / (sqrt(H_new) + epsilon)).
/// Inputs: R, T, X_1..k, G_1..k, V_1..k, H_1..k; outputs: X_new_1..k, V_new_1..k, H_new_1..k.
/// </summary>
public sealed class Adam : Kernel
{
    private readonly double _alpha, _beta, _epsilon, _norm, _normPost;

    private Adam(double alpha, double beta, double epsilon, double norm, double normPost)
    {
        _alpha = alpha;
        _beta = beta;
        _epsilon = epsilon;
        _norm = norm;
        _normPost = normPost;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        return new Adam(a.GetFloat("alpha", 0.9f), a.GetFloat("beta", 0.999f), a.GetFloat("epsilon", 0), a.GetFloat("norm_coefficient", 0), a.GetFloat("norm_coefficient_post", 0));
    }

    public override void Execute(KernelContext context)
    {
        int k = OptimizerInputs.Count(context, 4, 3);
        var (r, t) = OptimizerInputs.Scalars(context);
        double rate = t > 0 ? r * Math.Sqrt(1 - Math.Pow(_beta, t)) / (1 - Math.Pow(_alpha, t)) : r;
        for (int i = 0; i < k; i++)
        {
            var x = context.Input(2 + i);
            var g = context.Input(2 + k + i);
            var v = context.Input(2 + 2 * k + i);
            var h = context.Input(2 + 3 * k + i);
            OptimizerInputs.Check(context, x, g);
            OptimizerInputs.Check(context, x, v);
            OptimizerInputs.Check(context, x, h);
            var xNew = context.OptionalOutput(i);
            var vNew = context.OptionalOutput(k + i);
            var hNew = context.OptionalOutput(2 * k + i);
            xNew?.Allocate(x.Type, x.Shape);
            vNew?.Allocate(x.Type, x.Shape);
            hNew?.Allocate(x.Type, x.Shape);
            if (x.Type == DataType.Float) Step<float>(x, g, v, h, xNew, vNew, hNew, rate);
            else Step<double>(x, g, v, h, xNew, vNew, hNew, rate);
        }
    }

    private void Step<T>(Tensor x, Tensor g, Tensor v, Tensor h, Tensor? xNew, Tensor? vNew, Tensor? hNew, double rate) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var xs = x.ReadOnlySpan<T>();
        var gs = g.ReadOnlySpan<T>();
        var vs = v.ReadOnlySpan<T>();
        var hs = h.ReadOnlySpan<T>();
        var xo = xNew == null ? default : xNew.Span<T>();
        var vo = vNew == null ? default : vNew.Span<T>();
        var ho = hNew == null ? default : hNew.Span<T>();
        T r = T.CreateChecked(rate), norm = T.CreateChecked(_norm), post = T.CreateChecked(_normPost), eps = T.CreateChecked(_epsilon);
        T alpha = T.CreateChecked(_alpha), beta = T.CreateChecked(_beta);
        for (int i = 0; i < xs.Length; i++)
        {
            T gr = norm * xs[i] + OptimizerInputs.At(gs, i);
            T vn = alpha * OptimizerInputs.At(vs, i) + (T.One - alpha) * gr;
            T hn = beta * OptimizerInputs.At(hs, i) + (T.One - beta) * (gr * gr);
            if (!vo.IsEmpty) vo[i] = vn;
            if (!ho.IsEmpty) ho[i] = hn;
            if (!xo.IsEmpty) xo[i] = (T.One - post) * (xs[i] - r * (vn / (T.Sqrt(hn) + eps)));
        }
    }
}
