using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>TensorScatter (opset 24): a KV-cache update. A copy of the past cache in which, for each
/// batch entry b, the update's sequence positions are written from write_indices[b] on (0 when
/// omitted) along the sequence axis; in mode circular the position wraps modulo the cache length.</summary>
public sealed class TensorScatter : Kernel
{
    private readonly long _axis;
    private readonly bool _circular;

    private TensorScatter(long axis, bool circular)
    {
        _axis = axis;
        _circular = circular;
    }

    public static Kernel Create(KernelInfo info)
    {
        bool circular = info.Attributes.GetString("mode", "linear") switch
        {
            "linear" => false,
            "circular" => true,
            var m => throw info.Error($"mode '{m}' is not supported"),
        };
        return new TensorScatter(info.Attributes.GetInt("axis", -2), circular);
    }

    public override void Execute(KernelContext context)
    {
        var past = context.Input(0);
        var update = context.Input(1);
        var writeIndices = context.OptionalInput(2);
        var y = context.Output(0);
        int rank = past.Rank;
        int axis = KernelHelpers.NormalizeAxis(_axis, rank);
        if (axis == 0) throw context.Error("axis must not be the batch axis 0");
        if (update.Rank != rank || update.Type != past.Type) throw context.Error($"update {update} does not match the cache {past}");
        for (int d = 0; d < rank; d++)
            if (d != axis && update.Dim(d) != past.Dim(d)) throw context.Error($"update {Tensor.ShapeText(update.Shape)} and cache {Tensor.ShapeText(past.Shape)} differ outside the sequence axis");
        long maxLength = past.Dim(axis), length = update.Dim(axis);
        if (length > maxLength) throw context.Error($"the update has {length} positions, more than the cache's {maxLength}");
        long batch = past.Dim(0);
        if (writeIndices != null && writeIndices.Length != batch) throw context.Error($"write_indices has {writeIndices.Length} values for a batch of {batch}");
        y.CopyFrom(past);
        long inner = KernelHelpers.Product(past.Shape, axis + 1, rank);
        long perBatch = KernelHelpers.Product(past.Shape, 1, axis);
        for (long b = 0; b < batch; b++)
        {
            long start = writeIndices != null ? Indexing.Read(writeIndices, b) : 0;
            if (!_circular && (start < 0 || start + length > maxLength))
                throw context.Error($"write index {start} + {length} positions exceed the cache length {maxLength}");
            for (long p = 0; p < perBatch; p++)
            {
                long prefix = b * perBatch + p;
                for (long s = 0; s < length; s++)
                {
                    long target = start + s;
                    if (_circular) target = ((target % maxLength) + maxLength) % maxLength;
                    ElementCopy.Copy(update, (prefix * length + s) * inner, y, (prefix * maxLength + target) * inner, inner);
                }
            }
        }
    }
}
