using EdgeML.Runtime.Kernels.Common.Ml;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>ai.onnx.ml SVMRegressor (1): with support vectors (n_supports &gt; 0)
/// Y = sum_v coefficients[v] K(x, sv_v) + rho[0]; without, the linear form
/// Y = x . coefficients + rho[0]. one_class maps the result to +1 / -1. Float [N, 1].</summary>
public sealed class SVMRegressor : Kernel
{
    private readonly SvmKernel _kernel;
    private readonly float[] _supportVectors;
    private readonly float[] _coefficients;
    private readonly float _rho;
    private readonly int _vectors;
    private readonly bool _oneClass;
    private float[] _row = [];

    private SVMRegressor(SvmKernel kernel, float[] supportVectors, float[] coefficients, float rho, int vectors, bool oneClass)
    {
        _kernel = kernel;
        _supportVectors = supportVectors;
        _coefficients = coefficients;
        _rho = rho;
        _vectors = vectors;
        _oneClass = oneClass;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        long vectors = a.GetInt("n_supports", 0);
        var coefficients = a.GetFloats("coefficients", []);
        var rho = a.GetFloats("rho", []);
        var sv = a.GetFloats("support_vectors", []);
        if (coefficients.Length == 0) throw info.Error("coefficients is required");
        if (rho.Length == 0) throw info.Error("rho is required");
        if (vectors < 0) throw info.Error("n_supports must not be negative");
        var kernel = vectors > 0 ? SvmKernel.FromAttributes(info) : new SvmKernel(SvmKernel.Kind.Linear, 0, 0, 0);
        if (vectors > 0 && (sv.Length % vectors != 0 || coefficients.Length < vectors))
            throw info.Error($"support_vectors ({sv.Length} values) and coefficients ({coefficients.Length}) do not fit {vectors} support vectors");
        return new SVMRegressor(kernel, sv, coefficients, rho[0], (int)vectors, a.GetInt("one_class", 0) != 0);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var (rows, columns) = MlScores.RowsAndColumns(x, context);
        int expected = _vectors > 0 ? _supportVectors.Length / _vectors : _coefficients.Length;
        if (columns != expected) throw context.Error($"the input has {columns} features; the model expects {expected}");
        var y = context.Output(0);
        Span<long> shape = [rows, 1];
        y.Allocate(DataType.Float, shape);
        var output = y.Span<float>();
        if (_row.Length < columns) _row = new float[columns];
        var row = _row.AsSpan(0, columns);
        for (int r = 0; r < rows; r++)
        {
            MlScores.ReadRow(x, r, row, context);
            float sum = 0;
            if (_vectors > 0)
            {
                for (int v = 0; v < _vectors; v++) sum += _coefficients[v] * _kernel.Apply(row, _supportVectors.AsSpan(v * columns, columns));
            }
            else
            {
                sum = _kernel.Apply(row, _coefficients);
            }
            sum += _rho;
            output[r] = _oneClass ? (sum > 0 ? 1f : -1f) : sum;
        }
    }
}
