using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>NegativeLogLikelihoodLoss: −input[n, target, d...] · weight[target], with ignore_index
/// and none / sum / mean reduction (see <see cref="NllLoss"/>). Computed in float32.</summary>
public sealed class NegativeLogLikelihoodLoss : Kernel
{
    private readonly LossReduction _reduction;
    private readonly long? _ignoreIndex;
    private float[]? _x, _w, _loss;

    private NegativeLogLikelihoodLoss(LossReduction reduction, long? ignoreIndex)
    {
        _reduction = reduction;
        _ignoreIndex = ignoreIndex;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        return new NegativeLogLikelihoodLoss(NllLoss.ParseReduction(info), a.Has("ignore_index") ? a.GetInt("ignore_index", 0) : null);
    }

    public override void Execute(KernelContext context)
    {
        var input = context.Input(0);
        var target = context.Input(1);
        var weight = context.OptionalInput(2);
        if (weight != null && weight.Type != input.Type) throw context.Error("weight must have the element type of input");
        NllLoss.Compute(FloatStaging.ToFloat32(input, ref _x), input.Shape, target, weight == null ? default : FloatStaging.ToFloat32(weight, ref _w), weight != null,
            _ignoreIndex, _reduction, context.Output(0), input.Type, ref _loss);
    }
}
