using System.Numerics;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>The activation functions of the recurrent layers (RNN, GRU, LSTM): the names their
/// <c>activations</c> attribute accepts, with the alpha and beta each one takes.</summary>
public enum RecurrentActivationKind
{
    Sigmoid,
    Tanh,
    Relu,
    Affine,
    LeakyRelu,
    ThresholdedRelu,
    ScaledTanh,
    HardSigmoid,
    Elu,
    Softsign,
    Softplus,
}

/// <summary>One activation function of a recurrent layer with its alpha and beta.</summary>
public readonly record struct RecurrentActivation(RecurrentActivationKind Kind, float Alpha, float Beta)
{
    public T Apply<T>(T x) where T : IFloatingPointIeee754<T>
    {
        switch (Kind)
        {
            case RecurrentActivationKind.Sigmoid:
                return T.One / (T.One + T.Exp(-x));
            case RecurrentActivationKind.Tanh:
                return T.Tanh(x);
            case RecurrentActivationKind.Relu:
                return x > T.Zero ? x : T.Zero;
            case RecurrentActivationKind.Affine:
                return T.CreateTruncating(Alpha) * x + T.CreateTruncating(Beta);
            case RecurrentActivationKind.LeakyRelu:
                return x >= T.Zero ? x : T.CreateTruncating(Alpha) * x;
            case RecurrentActivationKind.ThresholdedRelu:
                return x > T.CreateTruncating(Alpha) ? x : T.Zero;
            case RecurrentActivationKind.ScaledTanh:
                return T.CreateTruncating(Alpha) * T.Tanh(T.CreateTruncating(Beta) * x);
            case RecurrentActivationKind.HardSigmoid:
                return T.Clamp(T.CreateTruncating(Alpha) * x + T.CreateTruncating(Beta), T.Zero, T.One);
            case RecurrentActivationKind.Elu:
                return x >= T.Zero ? x : T.CreateTruncating(Alpha) * (T.Exp(x) - T.One);
            case RecurrentActivationKind.Softsign:
                return x / (T.One + T.Abs(x));
            default: // Softplus, written so that large |x| neither overflows nor loses the small term.
                return x > T.Zero ? x + T.LogP1(T.Exp(-x)) : T.LogP1(T.Exp(x));
        }
    }

    /// <summary>Reads the <c>activations</c>, <c>activation_alpha</c> and <c>activation_beta</c>
    /// attributes: one function per entry of <paramref name="defaults"/> for each of <paramref name="directions"/>
    /// directions (a list of one direction's functions is used for both directions, and a one-direction
    /// layer given two directions' functions uses the first). Alphas and betas
    /// are consumed in order by the functions that take them; the rest use the ONNX defaults.</summary>
    public static RecurrentActivation[] Read(KernelInfo info, int directions, string[] defaults)
    {
        int perDirection = defaults.Length;
        var names = info.Attributes.GetStrings("activations", []);
        if (names.Length == 0)
        {
            names = new string[perDirection * directions];
            for (int i = 0; i < names.Length; i++) names[i] = defaults[i % perDirection];
        }
        else if (names.Length == perDirection && directions == 2)
        {
            names = [.. names, .. names];
        }
        else if (names.Length == 2 * perDirection && directions == 1)
        {
            names = names[..perDirection]; // RNN's default lists two functions even for one direction
        }
        else if (names.Length != perDirection * directions)
        {
            throw info.Error($"'activations' must list {perDirection * directions} functions ({perDirection} per direction), not {names.Length}");
        }
        var alphas = info.Attributes.GetFloats("activation_alpha", []);
        var betas = info.Attributes.GetFloats("activation_beta", []);
        int nextAlpha = 0, nextBeta = 0;
        var result = new RecurrentActivation[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            var (kind, usesAlpha, usesBeta, alpha, beta) = names[i].ToLowerInvariant() switch
            {
                "sigmoid" => (RecurrentActivationKind.Sigmoid, false, false, 0f, 0f),
                "tanh" => (RecurrentActivationKind.Tanh, false, false, 0f, 0f),
                "relu" => (RecurrentActivationKind.Relu, false, false, 0f, 0f),
                "affine" => (RecurrentActivationKind.Affine, true, true, 1f, 0f),
                "leakyrelu" => (RecurrentActivationKind.LeakyRelu, true, false, 0.01f, 0f),
                "thresholdedrelu" => (RecurrentActivationKind.ThresholdedRelu, true, false, 1f, 0f),
                "scaledtanh" => (RecurrentActivationKind.ScaledTanh, true, true, 1f, 1f),
                "hardsigmoid" => (RecurrentActivationKind.HardSigmoid, true, true, 0.2f, 0.5f),
                "elu" => (RecurrentActivationKind.Elu, true, false, 1f, 0f),
                "softsign" => (RecurrentActivationKind.Softsign, false, false, 0f, 0f),
                "softplus" => (RecurrentActivationKind.Softplus, false, false, 0f, 0f),
                _ => throw info.Error($"unknown activation function '{names[i]}'"),
            };
            if (usesAlpha && nextAlpha < alphas.Length) alpha = alphas[nextAlpha++];
            if (usesBeta && nextBeta < betas.Length) beta = betas[nextBeta++];
            result[i] = new RecurrentActivation(kind, alpha, beta);
        }
        return result;
    }
}
