using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>How the per-sample losses of NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss are reduced.</summary>
public enum LossReduction { None, Sum, Mean }

/// <summary>
/// The negative log-likelihood loss both loss operators share: for log-probabilities laid out
/// [N, C, d...] (as float32) and targets [N, d...], loss = −logp[n, target, d] · weight[target],
/// 0 where the target equals ignore_index; reduced by none, sum, or mean (the sum divided by the
/// sum of the weights of the samples not ignored). Sums are accumulated in double.
/// </summary>
public static class NllLoss
{
    public static LossReduction ParseReduction(KernelInfo info)
    {
        var r = info.Attributes.GetString("reduction", "mean");
        return r switch
        {
            "none" => LossReduction.None,
            "sum" => LossReduction.Sum,
            "mean" => LossReduction.Mean,
            _ => throw info.Error($"reduction '{r}' must be none, sum or mean"),
        };
    }

    /// <summary>Checks the shapes, allocates <paramref name="output"/> (of <paramref name="type"/>)
    /// and computes the loss into it.</summary>
    public static void Compute(ReadOnlySpan<float> logProb, ReadOnlySpan<long> inputShape, Tensor target, ReadOnlySpan<float> weight, bool hasWeight,
        long? ignoreIndex, LossReduction reduction, Tensor output, DataType type, ref float[]? scratch)
    {
        if (inputShape.Length < 2) throw new EdgeMLException($"input must be [N, C, ...], not {Tensor.ShapeText(inputShape)}");
        int batch = (int)inputShape[0], classes = (int)inputShape[1];
        int inner = (int)KernelHelpers.Product(inputShape, 2, inputShape.Length);
        if (target.Rank != inputShape.Length - 1 || target.Dim(0) != batch)
            throw new EdgeMLException($"target {Tensor.ShapeText(target.Shape)} does not match input {Tensor.ShapeText(inputShape)}");
        for (int i = 1; i < target.Rank; i++)
            if (target.Dim(i) != inputShape[i + 1]) throw new EdgeMLException($"target {Tensor.ShapeText(target.Shape)} does not match input {Tensor.ShapeText(inputShape)}");
        if (target.Type is not (DataType.Int32 or DataType.Int64)) throw new EdgeMLException("target must be int32 or int64");
        if (hasWeight && weight.Length != classes) throw new EdgeMLException($"weight has {weight.Length} values, expected {classes}");
        if (reduction == LossReduction.None) output.Allocate(type, target.Shape);
        else output.Allocate(type, default);
        var losses = FloatStaging.Scratch(ref scratch, reduction == LossReduction.None ? batch * inner : 1);
        double sum = 0, weightTotal = 0;
        for (int n = 0; n < batch; n++)
        {
            for (int i = 0; i < inner; i++)
            {
                int sample = n * inner + i;
                long c = target.Type == DataType.Int64 ? target.ReadOnlySpan<long>()[sample] : target.ReadOnlySpan<int>()[sample];
                float loss = 0;
                if (c != ignoreIndex)
                {
                    if (c < 0 || c >= classes) throw new EdgeMLException($"target value {c} is outside [0, {classes})");
                    float w = hasWeight ? weight[(int)c] : 1f;
                    loss = -logProb[(n * classes + (int)c) * inner + i] * w;
                    weightTotal += w;
                }
                if (reduction == LossReduction.None) losses[sample] = loss;
                else sum += loss;
            }
        }
        if (reduction != LossReduction.None) losses[0] = reduction == LossReduction.Sum ? (float)sum : (float)(sum / weightTotal);
        FloatStaging.FromFloat32(losses, output);
    }
}
