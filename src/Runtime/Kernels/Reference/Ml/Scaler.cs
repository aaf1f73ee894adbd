using EdgeML.Runtime.Kernels.Common.Ml;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>ai.onnx.ml Scaler (1): Y = (X - offset) * scale per feature (offset and scale hold one
/// value for all features or one per feature), in float.</summary>
public sealed class Scaler : Kernel
{
    private readonly float[] _offset;
    private readonly float[] _scale;
    private float[] _row = [];

    private Scaler(float[] offset, float[] scale)
    {
        _offset = offset;
        _scale = scale;
    }

    public static Kernel Create(KernelInfo info)
    {
        var offset = info.Attributes.GetFloats("offset", []);
        var scale = info.Attributes.GetFloats("scale", []);
        if (offset.Length == 0) offset = [0f];
        if (scale.Length == 0) scale = [1f];
        return new Scaler(offset, scale);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Rank == 0) throw context.Error("the input must have at least one dimension");
        int columns = (int)x.Dim(x.Rank - 1);
        int rows = columns == 0 ? 0 : (int)(x.Length / columns);
        if (_offset.Length != 1 && _offset.Length != columns) throw context.Error($"offset has {_offset.Length} values for {columns} features");
        if (_scale.Length != 1 && _scale.Length != columns) throw context.Error($"scale has {_scale.Length} values for {columns} features");
        var y = context.Output(0);
        y.Allocate(DataType.Float, x.Shape);
        var output = y.Span<float>();
        if (_row.Length < columns) _row = new float[columns];
        var row = _row.AsSpan(0, columns);
        for (int r = 0; r < rows; r++)
        {
            MlScores.ReadRow(x, r, row, context);
            var o = output.Slice(r * columns, columns);
            for (int i = 0; i < columns; i++)
                o[i] = (row[i] - _offset[_offset.Length == 1 ? 0 : i]) * _scale[_scale.Length == 1 ? 0 : i];
        }
    }
}
