namespace EdgeML.Runtime.Kernels.Common.Ml;

/// <summary>The score transforms of the ai.onnx.ml classifiers and regressors (attribute
/// post_transform), computed in single precision as ONNX Runtime does.</summary>
public enum PostTransform : byte
{
    None,
    Logistic,
    Softmax,
    SoftmaxZero,
    Probit,
}

/// <summary>Post transforms, the binary single-score convention and the small numeric routines the
/// ai.onnx.ml kernels share. Nothing here allocates.</summary>
public static class MlScores
{
    /// <summary>Parses the string form of post_transform (LinearClassifier, SVM*, TreeEnsemble*
    /// before opset 5).</summary>
    public static PostTransform ParseTransform(string text, KernelInfo info) => text switch
    {
        "NONE" or "" => PostTransform.None,
        "LOGISTIC" => PostTransform.Logistic,
        "SOFTMAX" => PostTransform.Softmax,
        "SOFTMAX_ZERO" => PostTransform.SoftmaxZero,
        "PROBIT" => PostTransform.Probit,
        _ => throw info.Error($"post_transform '{text}' is not one of NONE, LOGISTIC, SOFTMAX, SOFTMAX_ZERO, PROBIT"),
    };

    /// <summary>1 / (1 + e^-x), evaluated on |x| so that large inputs do not overflow.</summary>
    public static float Logistic(float x)
    {
        float v = 1f / (1f + MathF.Exp(-MathF.Abs(x)));
        return x < 0 ? 1f - v : v;
    }

    /// <summary>The inverse of the normal CDF, sqrt(2) erfinv(2p - 1), with the same closed-form
    /// approximation of erfinv (Winitzki, a = 0.147) ONNX Runtime uses.</summary>
    public static float Probit(float p) => MathF.Sqrt(2f) * ErfInv(2f * p - 1f);

    private static float ErfInv(float x)
    {
        const float a = 0.147f;
        float sign = x < 0 ? -1f : 1f;
        float ln = MathF.Log((1f - x) * (1f + x));
        float t = 2f / (MathF.PI * a) + 0.5f * ln;
        return sign * MathF.Sqrt(-t + MathF.Sqrt(t * t - ln / a));
    }

    /// <summary>In-place softmax over <paramref name="values"/>, in float.</summary>
    public static void Softmax(Span<float> values)
    {
        float max = -float.MaxValue;
        foreach (var v in values) if (v > max) max = v;
        float sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = MathF.Exp(values[i] - max);
            sum += values[i];
        }
        for (int i = 0; i < values.Length; i++) values[i] /= sum;
    }

    /// <summary>Softmax that leaves zero scores (|x| &lt;= 1e-7) out of the exponentials: they stay
    /// (nearly) zero.</summary>
    public static void SoftmaxZero(Span<float> values)
    {
        float max = -float.MaxValue;
        foreach (var v in values) if (v > max) max = v;
        float expNegMax = MathF.Exp(-max);
        float sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            float v = values[i];
            if (v > 0.0000001f || v < -0.0000001f)
            {
                values[i] = MathF.Exp(v - max);
                sum += values[i];
            }
            else
            {
                values[i] = v * expNegMax;
            }
        }
        for (int i = 0; i < values.Length; i++) values[i] /= sum;
    }

    /// <summary>Applies <paramref name="transform"/> to a row of two or more scores.</summary>
    public static void Transform(Span<float> row, PostTransform transform)
    {
        switch (transform)
        {
            case PostTransform.Logistic:
                for (int i = 0; i < row.Length; i++) row[i] = Logistic(row[i]);
                break;
            case PostTransform.Probit:
                for (int i = 0; i < row.Length; i++) row[i] = Probit(row[i]);
                break;
            case PostTransform.Softmax: Softmax(row); break;
            case PostTransform.SoftmaxZero: SoftmaxZero(row); break;
        }
    }

    /// <summary>How a lone binary score becomes two columns (ONNX Runtime's convention):
    /// <see cref="ComplementOfOne"/> writes [1 - s, s] (probability-like weights),
    /// <see cref="Symmetric"/> writes [-s, s]; under LOGISTIC either writes
    /// [logistic(-s), logistic(s)], and the other transforms leave the pair as it is.</summary>
    public enum SecondClass : byte
    {
        None,
        ComplementOfOne,
        Symmetric,
    }

    /// <summary>Writes one binary score <paramref name="score"/> into <paramref name="output"/>
    /// (one or two columns) the way ONNX Runtime does.</summary>
    public static void WriteBinary(float score, PostTransform transform, SecondClass second, Span<float> output)
    {
        if (transform == PostTransform.Probit)
        {
            output[0] = Probit(score);
            if (output.Length > 1) output[1] = 0;
            return;
        }
        if (second != SecondClass.None && transform == PostTransform.Logistic)
        {
            output[0] = Logistic(-score);
            output[1] = Logistic(score);
            return;
        }
        switch (second)
        {
            case SecondClass.ComplementOfOne:
                output[0] = 1f - score;
                output[1] = score;
                break;
            case SecondClass.Symmetric:
                output[0] = -score;
                output[1] = score;
                break;
            default:
                output[0] = score;
                if (output.Length > 1) output[1] = 0;
                break;
        }
    }

    /// <summary>The score rows of a linear or kernel model: the transform of rows of two or more
    /// scores; a single score per row is left as it is except under PROBIT, or expanded to two
    /// columns when <paramref name="second"/> says so (the rows hold one score
    /// per row at the front of <paramref name="scores"/>, which then has room for two).</summary>
    public static void UpdateRows(Span<float> scores, int rows, int perRow, PostTransform transform, SecondClass second)
    {
        if (perRow > 1)
        {
            if (transform == PostTransform.None) return;
            for (int r = 0; r < rows; r++) Transform(scores.Slice(r * perRow, perRow), transform);
            return;
        }
        if (transform == PostTransform.Probit)
        {
            for (int r = 0; r < rows; r++) scores[r] = Probit(scores[r]);
            return;
        }
        if (second == SecondClass.None) return;
        // Expand back to front so that each packed score is read before its slot is overwritten.
        for (int r = rows - 1; r >= 0; r--)
        {
            float s = scores[r];
            WriteBinary(s, transform, second, scores.Slice(2 * r, 2));
        }
    }

    /// <summary>Copies an attribute's floats, or its double tensor (attributes named *_as_tensor),
    /// into doubles; null when neither is present.</summary>
    public static double[]? FloatsOrTensor(KernelInfo info, string name)
    {
        var tensor = info.Attributes.GetTensor(name + "_as_tensor");
        if (tensor != null) return TensorAsDoubles(tensor, info, name + "_as_tensor");
        var a = info.Attributes.Find(name);
        if (a == null) return null;
        var result = new double[a.Floats.Length];
        for (int i = 0; i < result.Length; i++) result[i] = a.Floats[i];
        return result;
    }

    /// <summary>A numeric tensor attribute as doubles.</summary>
    public static double[] TensorAsDoubles(Model.ConstantTensor t, KernelInfo info, string name)
    {
        int n = checked((int)t.ElementCount);
        var result = new double[n];
        switch (t.Type)
        {
            case Tensors.DataType.Float: { var s = t.Span<float>(); for (int i = 0; i < n; i++) result[i] = s[i]; break; }
            case Tensors.DataType.Double: t.Span<double>().CopyTo(result); break;
            case Tensors.DataType.Float16: { var s = t.Span<Half>(); for (int i = 0; i < n; i++) result[i] = (double)s[i]; break; }
            case Tensors.DataType.Int64: { var s = t.Span<long>(); for (int i = 0; i < n; i++) result[i] = s[i]; break; }
            case Tensors.DataType.Int32: { var s = t.Span<int>(); for (int i = 0; i < n; i++) result[i] = s[i]; break; }
            case Tensors.DataType.UInt8: { var s = t.Span<byte>(); for (int i = 0; i < n; i++) result[i] = s[i]; break; }
            default: throw info.Error($"attribute {name} must be a numeric tensor, not {Tensors.DataTypeInfo.Name(t.Type)}");
        }
        return result;
    }

    /// <summary>Rows and columns of a model input of shape [C] (one row) or [N, C].</summary>
    public static (int Rows, int Columns) RowsAndColumns(Tensors.Tensor x, KernelContext context)
    {
        return x.Rank switch
        {
            1 => (1, (int)x.Dim(0)),
            2 => ((int)x.Dim(0), (int)x.Dim(1)),
            _ => throw context.Error($"input must have shape [C] or [N, C], not {Tensors.Tensor.ShapeText(x.Shape)}"),
        };
    }

    /// <summary>Copies row <paramref name="row"/> of a float, double, int64 or int32 input into
    /// <paramref name="destination"/> as floats.</summary>
    public static void ReadRow(Tensors.Tensor x, int row, Span<float> destination, KernelContext context)
    {
        int c = destination.Length;
        int start = row * c;
        switch (x.Type)
        {
            case Tensors.DataType.Float: x.ReadOnlySpan<float>().Slice(start, c).CopyTo(destination); break;
            case Tensors.DataType.Double: { var s = x.ReadOnlySpan<double>().Slice(start, c); for (int i = 0; i < c; i++) destination[i] = (float)s[i]; break; }
            case Tensors.DataType.Int64: { var s = x.ReadOnlySpan<long>().Slice(start, c); for (int i = 0; i < c; i++) destination[i] = s[i]; break; }
            case Tensors.DataType.Int32: { var s = x.ReadOnlySpan<int>().Slice(start, c); for (int i = 0; i < c; i++) destination[i] = s[i]; break; }
            default: throw context.Error($"input type {Tensors.DataTypeInfo.Name(x.Type)} is not supported (float, double, int64, int32)");
        }
    }
}
