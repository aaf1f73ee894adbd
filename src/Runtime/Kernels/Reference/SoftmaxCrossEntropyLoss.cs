using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// SoftmaxCrossEntropyLoss: log-softmax of the scores over the class axis (1), then the negative
/// log-likelihood loss of the labels with optional weights, ignore_index and none / sum / mean
/// reduction (see <see cref="NllLoss"/>); the optional second output is the log-probabilities.
/// Computed in float32.
/// </summary>
public sealed class SoftmaxCrossEntropyLoss : Kernel
{
    private readonly LossReduction _reduction;
    private readonly long? _ignoreIndex;
    private float[]? _x, _w, _logProb, _loss;

    private SoftmaxCrossEntropyLoss(LossReduction reduction, long? ignoreIndex)
    {
        _reduction = reduction;
        _ignoreIndex = ignoreIndex;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        return new SoftmaxCrossEntropyLoss(NllLoss.ParseReduction(info), a.Has("ignore_index") ? a.GetInt("ignore_index", 0) : null);
    }

    public override void Execute(KernelContext context)
    {
        var scores = context.Input(0);
        var labels = context.Input(1);
        var weights = context.OptionalInput(2);
        if (scores.Rank < 2) throw context.Error($"scores must be [N, C, ...], not {Tensor.ShapeText(scores.Shape)}");
        if (weights != null && weights.Type != scores.Type) throw context.Error("weights must have the element type of scores");
        var x = FloatStaging.ToFloat32(scores, ref _x);
        var logProb = FloatStaging.Scratch(ref _logProb, scores.Length);
        int batch = (int)scores.Dim(0), classes = (int)scores.Dim(1), inner = (int)KernelHelpers.Product(scores.Shape, 2, scores.Rank);
        SoftmaxLoops.Softmax(x, logProb, new AxisLanes(batch, classes, inner), log: true);
        NllLoss.Compute(logProb, scores.Shape, labels, weights == null ? default : FloatStaging.ToFloat32(weights, ref _w), weights != null,
            _ignoreIndex, _reduction, context.Output(0), scores.Type, ref _loss);
        var logProbOut = context.OptionalOutput(1);
        if (logProbOut == null) return;
        logProbOut.Allocate(scores.Type, scores.Shape);
        FloatStaging.FromFloat32(logProb, logProbOut);
    }
}
