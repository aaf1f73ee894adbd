using EdgeML.Runtime.Cpu;

namespace EdgeML.Runtime.Kernels.Simd;

/// <summary>The activations the compiler fuses into a preceding Conv, Gemm or MatMul (the
/// <c>activation</c> attribute of the ai.edgeml fused operators).</summary>
public enum ActivationKind : byte
{
    None,
    /// <summary>x &gt; 0 ? x : 0.</summary>
    Relu,
    /// <summary>Clamp to [Alpha, Beta] (±infinity for a missing bound).</summary>
    Clip,
    /// <summary>x &lt; 0 ? Alpha · x : x.</summary>
    LeakyRelu,
    /// <summary>Clamp(Alpha · x + Beta, 0, 1).</summary>
    HardSigmoid,
    /// <summary>x · Clamp(x / 6 + 1/2, 0, 1).</summary>
    HardSwish,
    /// <summary>1 / (1 + e^-x).</summary>
    Sigmoid,
}

/// <summary>An activation and its two parameters (see <see cref="ActivationKind"/>).</summary>
public readonly record struct Activation(ActivationKind Kind, float Alpha = 0, float Beta = 0)
{
    public static readonly Activation None = new(ActivationKind.None);

    /// <summary>The name used in the fused operators' <c>activation</c> attribute.</summary>
    public string Name => Kind == ActivationKind.None ? "" : Kind.ToString();

    /// <summary>Parses an <c>activation</c> attribute; false when the name is unknown.</summary>
    public static bool TryParse(string name, float alpha, float beta, out Activation activation)
    {
        activation = None;
        if (name.Length == 0) return true;
        if (!Enum.TryParse<ActivationKind>(name, ignoreCase: false, out var kind) || kind == ActivationKind.None) return false;
        activation = new Activation(kind, alpha, beta);
        return true;
    }

    /// <summary>True when the activation is a clamp to [<see cref="ClampMin"/>, <see cref="ClampMax"/>]
    /// that a GEMM micro-kernel applies in registers.</summary>
    public bool IsClamp => Kind is ActivationKind.None or ActivationKind.Relu or ActivationKind.Clip;
    public float ClampMin => Kind switch { ActivationKind.Relu => 0f, ActivationKind.Clip => Alpha, _ => float.NegativeInfinity };
    public float ClampMax => Kind == ActivationKind.Clip ? Beta : float.PositiveInfinity;

    /// <summary>The activation of one value, exactly as the reference operators compute it.</summary>
    public float Apply(float x)
    {
        switch (Kind)
        {
            case ActivationKind.Relu: return x > 0 ? x : 0;
            case ActivationKind.Clip:
                if (x < Alpha) x = Alpha;
                return x > Beta ? Beta : x;
            case ActivationKind.LeakyRelu: return x < 0 ? Alpha * x : x;
            case ActivationKind.HardSigmoid:
            {
                float v = Alpha * x + Beta;
                if (v < 0) return 0;
                return v > 1 ? 1 : v;
            }
            case ActivationKind.HardSwish:
            {
                float gate = x / 6 + 0.5f;
                if (gate < 0) gate = 0;
                else if (gate > 1) gate = 1;
                return x * gate;
            }
            case ActivationKind.Sigmoid:
                if (x >= 0) return 1 / (1 + MathF.Exp(-x));
                float e = MathF.Exp(x);
                return e / (1 + e);
            default: return x;
        }
    }
}

/// <summary>Applies an <see cref="Activation"/> in place over a run of floats, vectorised.</summary>
internal static unsafe class VectorActivation
{
    public static void Apply(CpuVariant variant, float* p, nint n, in Activation a)
    {
        if (a.Kind == ActivationKind.None || n <= 0) return;
        switch (variant)
        {
            case CpuVariant.Avx512: Apply<Simd512, System.Runtime.Intrinsics.Vector512<float>>(p, n, a); break;
            case CpuVariant.Avx2: Apply<Simd256, System.Runtime.Intrinsics.Vector256<float>>(p, n, a); break;
            case CpuVariant.Vector128: Apply<Simd128, System.Runtime.Intrinsics.Vector128<float>>(p, n, a); break;
            default: Apply<SimdScalar, float>(p, n, a); break;
        }
    }

    public static void Apply<TS, TV>(float* p, nint n, in Activation a) where TS : ISimd<TV> where TV : struct
    {
        nint i = 0;
        switch (a.Kind)
        {
            case ActivationKind.Relu:
            {
                var zero = TS.Zero;
                for (; i <= n - TS.Count; i += TS.Count) { var x = TS.Load(p + i); TS.Store(p + i, TS.SelectGreater(x, zero, x, zero)); }
                break;
            }
            case ActivationKind.Clip:
            {
                TV lo = TS.Splat(a.Alpha), hi = TS.Splat(a.Beta);
                for (; i <= n - TS.Count; i += TS.Count)
                {
                    var x = TS.Load(p + i);
                    x = TS.SelectLess(x, lo, lo, x);
                    TS.Store(p + i, TS.SelectGreater(x, hi, hi, x));
                }
                break;
            }
            case ActivationKind.LeakyRelu:
            {
                TV zero = TS.Zero, alpha = TS.Splat(a.Alpha);
                for (; i <= n - TS.Count; i += TS.Count) { var x = TS.Load(p + i); TS.Store(p + i, TS.SelectLess(x, zero, TS.Multiply(x, alpha), x)); }
                break;
            }
            case ActivationKind.HardSigmoid:
            {
                TV zero = TS.Zero, one = TS.Splat(1), alpha = TS.Splat(a.Alpha), beta = TS.Splat(a.Beta);
                for (; i <= n - TS.Count; i += TS.Count)
                {
                    var v = TS.MultiplyAdd(alpha, TS.Load(p + i), beta);
                    v = TS.SelectLess(v, zero, zero, v);
                    TS.Store(p + i, TS.SelectGreater(v, one, one, v));
                }
                break;
            }
            case ActivationKind.HardSwish:
            {
                TV zero = TS.Zero, one = TS.Splat(1), six = TS.Splat(6), half = TS.Splat(0.5f);
                for (; i <= n - TS.Count; i += TS.Count)
                {
                    var x = TS.Load(p + i);
                    var gate = TS.Add(TS.Divide(x, six), half);
                    gate = TS.SelectLess(gate, zero, zero, gate);
                    gate = TS.SelectGreater(gate, one, one, gate);
                    TS.Store(p + i, TS.Multiply(x, gate));
                }
                break;
            }
            case ActivationKind.Sigmoid:
                for (; i <= n - TS.Count; i += TS.Count) TS.Store(p + i, Sigmoid<TS, TV>(TS.Load(p + i)));
                break;
        }
        for (; i < n; i++) p[i] = a.Apply(p[i]);
    }

    /// <summary>Sigmoid as the reference computes it: 1 / (1 + e^-x) for x ≥ 0, e^x / (1 + e^x) below.</summary>
    public static TV Sigmoid<TS, TV>(TV x) where TS : ISimd<TV> where TV : struct
    {
        TV zero = TS.Zero, one = TS.Splat(1);
        var negAbs = TS.SelectLess(x, zero, x, TS.Subtract(zero, x));
        var e = TS.Exp(negAbs);
        var r = TS.Divide(one, TS.Add(one, e));
        return TS.SelectLess(x, zero, TS.Multiply(e, r), r);
    }
}
