using EdgeML.Runtime.Kernels.Common.Ml;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>
/// ai.onnx.ml SVMClassifier (1), as ONNX Runtime computes it.
/// With support vectors (libsvm): one-vs-one decision values for every pair of classes
/// (coefficients [classes - 1, vectors], rho per pair), the label by majority vote; the scores are
/// the pairwise decision values ([-s, s] for two classes, [1 - s, s] under a transform), or with
/// prob_a / prob_b the pairwise Platt probabilities coupled into class probabilities.
/// Without support vectors (liblinear): one score per class, x . coefficients[c] + rho[0], the
/// label the top score (two classes: classlabels[1] when the top score passes 0.5 with all
/// coefficients non-negative, or 0 otherwise).
/// </summary>
public sealed class SVMClassifier : Kernel
{
    private readonly SvmKernel _kernel;
    private readonly float[] _coefficients;
    private readonly float[] _supportVectors;
    private readonly float[] _rho;
    private readonly float[] _probA;
    private readonly float[] _probB;
    private readonly int[] _vectorsPerClass;
    private readonly int[] _start;
    private readonly int _vectors;
    private readonly int _classes;
    private readonly PostTransform _transform;
    private readonly long[]? _intLabels;
    private readonly string[]? _stringLabels;
    private readonly bool _allPositive;
    private float[] _row = [];
    private float[] _kernels = [];
    private float[] _pairScores = [];
    private int[] _votes = [];
    private float[] _pairProb = [];
    private float[] _q = [];
    private float[] _qp = [];

    private SVMClassifier(SvmKernel kernel, float[] coefficients, float[] supportVectors, float[] rho, float[] probA, float[] probB,
        int[] vectorsPerClass, int classes, PostTransform transform, long[]? intLabels, string[]? stringLabels)
    {
        _kernel = kernel;
        _coefficients = coefficients;
        _supportVectors = supportVectors;
        _rho = rho;
        _probA = probA;
        _probB = probB;
        _vectorsPerClass = vectorsPerClass;
        _start = new int[vectorsPerClass.Length];
        for (int i = 0; i < vectorsPerClass.Length; i++)
        {
            _start[i] = _vectors;
            _vectors += vectorsPerClass[i];
        }
        _classes = classes;
        _transform = transform;
        _intLabels = intLabels;
        _stringLabels = stringLabels;
        _allPositive = true;
        foreach (var c in coefficients) if (c < 0) _allPositive = false;
    }

    private bool Svc => _vectors > 0;
    private bool HasProbabilities => _probA.Length > 0;
    private int Pairs => _classes * (_classes - 1) / 2;

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        var strings = a.GetStrings("classlabels_strings", []);
        var ints = a.GetInts("classlabels_ints", []);
        if ((strings.Length == 0) == (ints.Length == 0)) throw info.Error("exactly one of classlabels_strings and classlabels_ints must be given");
        int classes = strings.Length > 0 ? strings.Length : ints.Length;
        var coefficients = a.GetFloats("coefficients", []);
        var rho = a.GetFloats("rho", []);
        var probA = a.GetFloats("prob_a", []);
        var probB = a.GetFloats("prob_b", []);
        var sv = a.GetFloats("support_vectors", []);
        var perClass = Array.ConvertAll(a.GetInts("vectors_per_class", []), v => checked((int)v));
        if (coefficients.Length == 0) throw info.Error("coefficients is required");
        if (rho.Length == 0) throw info.Error("rho is required");
        if (probA.Length != probB.Length) throw info.Error("prob_a and prob_b must have the same length");
        int vectors = 0;
        foreach (var v in perClass) vectors += v;
        int pairs = classes * (classes - 1) / 2;
        SvmKernel kernel;
        if (vectors > 0)
        {
            if (perClass.Length != classes) throw info.Error($"vectors_per_class has {perClass.Length} entries for {classes} classes");
            if (sv.Length % vectors != 0) throw info.Error($"{sv.Length} support vector values do not divide into {vectors} vectors");
            if (coefficients.Length < (classes - 1) * vectors) throw info.Error($"coefficients needs {(classes - 1) * vectors} values");
            if (rho.Length < pairs) throw info.Error($"rho needs {pairs} values");
            if (probA.Length > 0 && probA.Length < pairs) throw info.Error($"prob_a and prob_b need {pairs} values");
            kernel = SvmKernel.FromAttributes(info);
        }
        else
        {
            if (coefficients.Length % classes != 0) throw info.Error($"{coefficients.Length} coefficients do not divide into {classes} classes");
            kernel = new SvmKernel(SvmKernel.Kind.Linear, 0, 0, 0);
        }
        return new SVMClassifier(kernel, coefficients, sv, rho, probA, probB, perClass, classes,
            MlScores.ParseTransform(a.GetString("post_transform", "NONE"), info), strings.Length > 0 ? null : ints, strings.Length > 0 ? strings : null);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var (rows, columns) = MlScores.RowsAndColumns(x, context);
        int expected = Svc ? _supportVectors.Length / _vectors : _coefficients.Length / _classes;
        if (columns != expected) throw context.Error($"the input has {columns} features; the model expects {expected}");
        int perRow = !Svc || HasProbabilities ? _classes : _classes > 2 ? Pairs : 2;
        var y = context.Output(0);
        var z = context.Output(1);
        Span<long> shape = [rows, perRow];
        y.Allocate(_stringLabels != null ? DataType.String : DataType.Int64, shape[..1]);
        z.Allocate(DataType.Float, shape);
        var scores = z.Span<float>();
        if (_row.Length < columns) _row = new float[columns];
        var row = _row.AsSpan(0, columns);
        for (int r = 0; r < rows; r++)
        {
            MlScores.ReadRow(x, r, row, context);
            var o = scores.Slice(r * perRow, perRow);
            int label = Svc ? RowSvc(row, columns, o) : RowLinear(row, columns, o);
            if (_stringLabels != null) y.Strings[r] = _stringLabels[label];
            else y.Span<long>()[r] = _intLabels![label];
        }
    }

    /// <summary>liblinear form: returns the label index and writes the class scores.</summary>
    private int RowLinear(ReadOnlySpan<float> row, int columns, Span<float> o)
    {
        for (int c = 0; c < _classes; c++) o[c] = _kernel.Apply(row, _coefficients.AsSpan(c * columns, columns)) + _rho[0];
        int best = 0;
        for (int c = 1; c < _classes; c++) if (o[c] > o[best]) best = c;
        float top = o[best];
        if (_classes == 2 && !HasProbabilities)
        {
            if (_allPositive && top >= 0.5f) best = 1;
            else if (top > 0 && !_allPositive) best = 1;
        }
        MlScores.UpdateRows(o, 1, _classes, _transform, MlScores.SecondClass.None);
        return best;
    }

    /// <summary>libsvm form: pairwise decision values, votes, optional probabilities.</summary>
    private int RowSvc(ReadOnlySpan<float> row, int columns, Span<float> o)
    {
        int pairs = Pairs;
        if (_kernels.Length < _vectors) _kernels = new float[_vectors];
        if (_pairScores.Length < pairs) _pairScores = new float[pairs];
        if (_votes.Length < _classes) _votes = new int[_classes];
        for (int v = 0; v < _vectors; v++) _kernels[v] = _kernel.Apply(row, _supportVectors.AsSpan(v * columns, columns));
        var votes = _votes.AsSpan(0, _classes);
        votes.Clear();
        int k = 0;
        for (int i = 0; i < _classes - 1; i++)
        {
            for (int j = i + 1; j < _classes; j++, k++)
            {
                double sum = 0;
                int rowJ = _vectors * (j - 1), rowI = _vectors * i;
                for (int m = 0; m < _vectorsPerClass[i]; m++) sum += _coefficients[rowJ + _start[i] + m] * _kernels[_start[i] + m];
                for (int m = 0; m < _vectorsPerClass[j]; m++) sum += _coefficients[rowI + _start[j] + m] * _kernels[_start[j] + m];
                sum += _rho[k];
                _pairScores[k] = (float)sum;
                votes[sum > 0 ? i : j]++;
            }
        }
        int best = 0;
        for (int c = 1; c < _classes; c++) if (votes[c] > votes[best]) best = c;

        if (HasProbabilities)
        {
            Probabilities(o);
            MlScores.UpdateRows(o, 1, _classes, _transform, MlScores.SecondClass.None);
        }
        else if (_classes > 2)
        {
            _pairScores.AsSpan(0, pairs).CopyTo(o);
            MlScores.UpdateRows(o, 1, pairs, _transform, MlScores.SecondClass.None);
        }
        else
        {
            var second = _transform == PostTransform.None ? MlScores.SecondClass.Symmetric : MlScores.SecondClass.ComplementOfOne;
            MlScores.WriteBinary(_pairScores[0], _transform, second, o);
        }
        return best;
    }

    /// <summary>Platt-scaled pairwise probabilities coupled into class probabilities (Wu, Lin and
    /// Weng's second method, as in libsvm), in float.</summary>
    private void Probabilities(Span<float> p)
    {
        int n = _classes;
        if (_pairProb.Length < n * n) _pairProb = new float[n * n];
        if (_q.Length < n * n) _q = new float[n * n];
        if (_qp.Length < n) _qp = new float[n];
        var r = _pairProb.AsSpan(0, n * n);
        r.Clear();
        int k = 0;
        for (int i = 0; i < n - 1; i++)
        {
            for (int j = i + 1; j < n; j++, k++)
            {
                float v = 1f - MlScores.Logistic(_pairScores[k] * _probA[k] + _probB[k]);
                v = Math.Min(Math.Max(v, 1e-7f), 1 - 1e-7f);
                r[i * n + j] = v;
                r[j * n + i] = 1 - v;
            }
        }
        var q = _q.AsSpan(0, n * n);
        var qp = _qp.AsSpan(0, n);
        q.Clear();
        for (int i = 0; i < n; i++)
        {
            p[i] = 1f / n;
            for (int j = 0; j < i; j++)
            {
                q[i * n + i] += r[j * n + i] * r[j * n + i];
                q[i * n + j] = q[j * n + i];
            }
            for (int j = i + 1; j < n; j++)
            {
                q[i * n + i] += r[j * n + i] * r[j * n + i];
                q[i * n + j] = -r[j * n + i] * r[i * n + j];
            }
        }
        float eps = 0.005f / n;
        for (int iter = 0; iter < 100; iter++)
        {
            float pqp = 0;
            for (int i = 0; i < n; i++)
            {
                qp[i] = 0;
                for (int j = 0; j < n; j++) qp[i] += q[i * n + j] * p[j];
                pqp += p[i] * qp[i];
            }
            float maxError = 0;
            for (int i = 0; i < n; i++) maxError = Math.Max(maxError, MathF.Abs(qp[i] - pqp));
            if (maxError < eps) break;
            for (int i = 0; i < n; i++)
            {
                float diff = (-qp[i] + pqp) / q[i * n + i];
                p[i] += diff;
                pqp = (pqp + diff * (diff * q[i * n + i] + 2 * qp[i])) / (1 + diff) / (1 + diff);
                for (int j = 0; j < n; j++)
                {
                    qp[j] = (qp[j] + diff * q[i * n + j]) / (1 + diff);
                    p[j] /= 1 + diff;
                }
            }
        }
    }
}
