namespace EdgeML.Runtime.Kernels.Common;

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
    /// <summary>LeakyRelu, then at least Beta: y = x &lt; 0 ? Alpha · x : x; y &lt; Beta ? Beta : y (a
    /// LeakyRelu followed by Max with a scalar constant, as tf2onnx writes clipped leaky ReLUs).</summary>
    LeakyReluMax,
}

/// <summary>An activation and its two parameters (see <see cref="ActivationKind"/>).</summary>
public readonly record struct Activation(ActivationKind Kind, float Alpha = 0, float Beta = 0)
{
    public static readonly Activation None = new(ActivationKind.None);

    /// <summary>The name used in the fused operators' <c>activation</c> attribute.</summary>
    public string Name => Kind == ActivationKind.None ? "" : Kind.ToString();

    /// <summary>Reads the <c>activation</c>, <c>activation_alpha</c> and <c>activation_beta</c>
    /// attributes of a fused operator.</summary>
    public static Activation Read(KernelInfo info)
    {
        var a = info.Attributes;
        if (!TryParse(a.GetString("activation", ""), a.GetFloat("activation_alpha", 0), a.GetFloat("activation_beta", 0), out var activation))
            throw info.Error($"activation '{a.GetString("activation", "")}' is not one of Relu, Clip, LeakyRelu, HardSigmoid, HardSwish, Sigmoid, LeakyReluMax");
        return activation;
    }

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
    public float ClampMin => Kind switch { ActivationKind.Relu => 0f, ActivationKind.Clip => Alpha, ActivationKind.LeakyReluMax => Beta, _ => float.NegativeInfinity };
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
            case ActivationKind.LeakyReluMax:
                if (x < 0) x = Alpha * x;
                return x < Beta ? Beta : x;
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
