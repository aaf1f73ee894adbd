using EdgeML.Runtime.Kernels.Common.Ml;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>ai.onnx.ml Normalizer (1): divides each row by its maximum (MAX), the sum of its
/// absolute values (L1) or its Euclidean norm (L2); a row whose norm is 0 is copied. Float out.</summary>
public sealed class Normalizer : Kernel
{
    private enum Norm : byte { Max, L1, L2 }

    private readonly Norm _norm;
    private float[] _row = [];

    private Normalizer(Norm norm) => _norm = norm;

    public static Kernel Create(KernelInfo info) => new Normalizer(info.Attributes.GetString("norm", "MAX") switch
    {
        "MAX" => Norm.Max,
        "L1" => Norm.L1,
        "L2" => Norm.L2,
        var s => throw info.Error($"norm '{s}' is not one of MAX, L1, L2"),
    });

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var (rows, columns) = MlScores.RowsAndColumns(x, context);
        var y = context.Output(0);
        y.Allocate(DataType.Float, x.Shape);
        var output = y.Span<float>();
        if (_row.Length < columns) _row = new float[columns];
        var row = _row.AsSpan(0, columns);
        for (int r = 0; r < rows; r++)
        {
            MlScores.ReadRow(x, r, row, context);
            var o = output.Slice(r * columns, columns);
            switch (_norm)
            {
                case Norm.Max:
                {
                    float max = float.MinValue;
                    foreach (var v in row) max = Math.Max(max, v);
                    for (int i = 0; i < columns; i++) o[i] = max != 0 ? row[i] / max : row[i];
                    break;
                }
                case Norm.L1:
                {
                    float sum = 0;
                    foreach (var v in row) sum += MathF.Abs(v);
                    for (int i = 0; i < columns; i++) o[i] = sum != 0 ? row[i] / sum : row[i];
                    break;
                }
                default:
                {
                    float sum = 0;
                    foreach (var v in row) sum += v * v;
                    for (int i = 0; i < columns; i++)
                    {
                        if (sum == 0) o[i] = row[i];
                        else
                        {
                            float q = MathF.Sqrt(row[i] * row[i] / sum);
                            o[i] = row[i] < 0 ? -q : q;
                        }
                    }
                    break;
                }
            }
        }
    }
}
