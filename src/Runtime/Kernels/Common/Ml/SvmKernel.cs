namespace EdgeML.Runtime.Kernels.Common.Ml;

/// <summary>The kernel function of SVMClassifier and SVMRegressor (kernel_type, kernel_params =
/// [gamma, coef0, degree]), evaluated in float between a feature row and a support vector.</summary>
public sealed class SvmKernel
{
    public enum Kind : byte
    {
        Linear,
        Poly,
        Rbf,
        Sigmoid,
    }

    private readonly Kind _kind;
    private readonly float _gamma;
    private readonly float _coef0;
    private readonly float _degree;

    public SvmKernel(Kind kind, float gamma, float coef0, float degree)
    {
        _kind = kind;
        _gamma = gamma;
        _coef0 = coef0;
        _degree = degree;
    }

    public static SvmKernel FromAttributes(KernelInfo info)
    {
        var kind = info.Attributes.GetString("kernel_type", "LINEAR") switch
        {
            "LINEAR" => Kind.Linear,
            "POLY" => Kind.Poly,
            "RBF" => Kind.Rbf,
            "SIGMOID" => Kind.Sigmoid,
            var s => throw info.Error($"kernel_type '{s}' is not one of LINEAR, POLY, RBF, SIGMOID"),
        };
        var p = info.Attributes.GetFloats("kernel_params", []);
        if (p.Length != 0 && p.Length < 3) throw info.Error("kernel_params must hold gamma, coef0 and degree");
        return p.Length == 0 ? new SvmKernel(kind, 0, 0, 0) : new SvmKernel(kind, p[0], p[1], p[2]);
    }

    public Kind Type => _kind;

    public float Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> v)
    {
        if (_kind == Kind.Rbf)
        {
            float d = 0;
            for (int i = 0; i < x.Length; i++)
            {
                float t = x[i] - v[i];
                d += t * t;
            }
            return MathF.Exp(-_gamma * d);
        }
        float dot = 0;
        for (int i = 0; i < x.Length; i++) dot += x[i] * v[i];
        switch (_kind)
        {
            case Kind.Poly:
            {
                float b = _gamma * dot + _coef0;
                return _degree == 2 ? b * b : _degree == 3 ? b * b * b : MathF.Pow(b, _degree);
            }
            case Kind.Sigmoid: return MathF.Tanh(_gamma * dot + _coef0);
            default: return dot;
        }
    }
}
