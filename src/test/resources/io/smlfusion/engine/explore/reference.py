"""Reference values for the explore unit tests, computed from the raw rows with numpy/scipy,
independently of the server's representation. Run from the repository root:
    python3 src/test/resources/io/smlfusion/engine/explore/reference.py
(numpy 2.4.6, scipy 1.17.1 when the values in the tests were written)."""
import numpy as np
from scipy import stats

d = np.loadtxt('../shared/data/iris/iris.csv', delimiter=',', skiprows=1)
n = len(d)
x = d[:, 0]


def show(label, **values):
    print(label + ': ' + ', '.join('%s=%r' % (k, float(v)) for k, v in values.items()))


# uni
for i in (0, 4):
    c = d[:, i]
    sd = c.std()
    show('uni %d' % i, count=n, mean=c.mean(), variance=c.var(), stddev=sd,
         skewness=n / ((n - 1) * (n - 2)) * ((c - c.mean()) ** 3).sum() / sd ** 3,
         kurtosis=stats.kurtosis(c, bias=False), stderr=sd / np.sqrt(n),
         meanMarginErrorC95=stats.t.ppf(0.975, n - 1) * sd / np.sqrt(n), min=c.min(), max=c.max(),
         median=np.median(c))

# bi: y as a weight (spec 7.6)
for i, j in ((0, 3), (0, 12)):
    a, w = d[:, i], d[:, j]
    cc = w.sum(); cm = (a * w).sum() / cc; cv = (a * a * w * w).sum() / cc - cm ** 2
    margin = stats.t.ppf(0.975, cc - 1) * np.sqrt(cv) / np.sqrt(cc)
    show('bi %d,%d' % (i, j), covar=np.cov(a, w, bias=True)[0, 1], linCorr=np.corrcoef(a, w)[0, 1], condMean=cm,
         condCount=cc, condVariance=cv, condSum=(a * w).sum(), condStddev=np.sqrt(cv),
         biCi95Down=cm - margin, biCi95Up=cm + margin)


def groups(layout):
    if len(layout) == 2:
        return d[:, layout[0]], d[:, layout[1]]
    return d[d[:, layout[1]] == 1, layout[0]], d[d[:, layout[2]] == 1, layout[0]]


for layout in ((0, 1), (0, 13, 14)):
    g1, g2 = groups(layout)
    z = (g1.mean() - g2.mean()) / np.sqrt(g1.var(ddof=1) / len(g1) + g2.var(ddof=1) / len(g2))
    show('ztest %s' % (layout,), zn1=len(g1), zn2=len(g2), zm1=g1.mean(), zm2=g2.mean(), zs1=g1.std(ddof=1),
         zs2=g2.std(ddof=1), z=z, zp=2 * stats.norm.sf(abs(z)))
    pooled = stats.ttest_ind(g1, g2, equal_var=True)
    welch = stats.ttest_ind(g1, g2, equal_var=False)
    show('ttest %s' % (layout,), tn1=len(g1), tn2=len(g2), tm1=g1.mean(), tm2=g2.mean(), ts1=g1.std(ddof=1),
         ts2=g2.std(ddof=1), t=pooled.statistic, tdf=pooled.df, tp=pooled.pvalue, tu=welch.statistic,
         tdfu=welch.df, tpu=welch.pvalue)
    f = g1.var(ddof=1) / g2.var(ddof=1)
    d1, d2 = len(g1) - 1, len(g2) - 1
    show('ftest %s' % (layout,), fn1=len(g1), fn2=len(g2), fm1=g1.mean(), fm2=g2.mean(), fs1=g1.std(ddof=1),
         fs2=g2.std(ddof=1), fdf1=d1, fdf2=d2, f=f,
         fp=min(1, 2 * min(stats.f.cdf(f, d1, d2), stats.f.sf(f, d1, d2))))

p1, p2 = d[:, 4].mean(), d[:, 6].mean(); pool = (p1 + p2) / 2
z = (p1 - p2) / np.sqrt(pool * (1 - pool) * 2 / n)
show('ztestp 4,6', z=z, zp=2 * stats.norm.sf(abs(z)))
z = (x.mean() - 5.8) / (x.std(ddof=1) / np.sqrt(n))
show('ztestmu 0 mu=5.8', z=z, zp=2 * stats.norm.sf(abs(z)))
r = stats.ttest_1samp(x, 5.8)
show('ttestmu 0 mu=5.8', t=r.statistic, tp=r.pvalue)
f = x.var(ddof=1) / 0.8 ** 2
show('ftestmu 0 sigma=0.8', f=f, fp=min(1, 2 * min(stats.chi2.cdf((n - 1) * f, n - 1), stats.chi2.sf((n - 1) * f, n - 1))))


def anova(groups):
    r = stats.f_oneway(*groups)
    allv = np.concatenate(groups); N = len(allv); k = len(groups)
    ssb = sum(len(g) * (g.mean() - allv.mean()) ** 2 for g in groups)
    ssw = sum(((g - g.mean()) ** 2).sum() for g in groups)
    return dict(SSb=ssb, SSw=ssw, Dfb=k - 1, Dfw=N - k, MSb=ssb / (k - 1), MSw=ssw / (N - k), F=r.statistic,
                Ssgamma=((allv - allv.mean()) ** 2).sum(), Dfgamma=N - 1, P=r.pvalue)


show('anova columns 0,1,2,3', **anova([d[:, i] for i in range(4)]))
show('anova 0 by 12,13,14', **anova([x[d[:, k] == 1] for k in (12, 13, 14)]))
show('anova 0 by 12', **anova([x[d[:, 12] == 1], x[d[:, 12] == 0]]))


def chi2(table):
    table = np.asarray(table, dtype=float)
    kept = table[table.sum(axis=1) > 0][:, table.sum(axis=0) > 0]
    chi, p, dof, _ = stats.chi2_contingency(kept, correction=False)
    return dict(chiStat=chi, df=dof, pval=p, coef=np.sqrt(chi / (kept.sum() * np.sqrt(dof))))


table = [[(d[:, a] * d[:, b]).sum() for b in (12, 13, 14)] for a in (4, 5)]
show('chi2 4,5 x 12,13,14', **chi2(table))
print('   obs', table)
table = [[(d[:, a] * d[:, b]).sum() for b in (12, 13, 14)] for a in (10, 11)]
show('chi2 10,11 x 12,13,14', **chi2(table))


def category_rows():
    """Must match ExploreTestData.categoryRows()."""
    rows = []
    for r in range(60):
        q1 = 'a' if r % 3 == 0 else ('b' if r % 5 < 3 else 'c')
        q2 = 'abc'[(r * r + 1) % 3]
        q3 = 'abd'[(r // 4) % 3]
        rows.append((q1, q2, q3))
    return rows


rows = category_rows()
values = ['a', 'b', 'c', 'd']
table = [[sum(1 for row in rows if row[q] == v) for v in values] for q in range(3)]
show('chi2 categories q1,q2,q3', **chi2(table))
print('   obs', table)


def indicator_levels(cols):
    return [d[:, c] for c in cols] if len(cols) > 1 else [d[:, cols[0]], 1 - d[:, cols[0]]]


def gain(inputs, targets):
    table = np.array([[(a * b).sum() for b in indicator_levels(targets)] for a in indicator_levels(inputs)])
    N = table.sum()
    h_t = stats.entropy(table.sum(axis=0), base=2)
    h_x = stats.entropy(table.sum(axis=1), base=2)
    h_t_x = sum(row.sum() / N * stats.entropy(row, base=2) for row in table if row.sum() > 0)
    return dict(gain=h_t - h_t_x, entropy=h_t, conditionalEntropy=h_t_x, splitInfo=h_x, gainRatio=(h_t - h_t_x) / h_x)


show('gain 4 -> 12,13,14', **gain([4], [12, 13, 14]))
show('gain 10,11 -> 12,13,14', **gain([10, 11], [12, 13, 14]))
show('gain 4 -> 12', **gain([4], [12]))

show('vif 0,1,2,3', **{str(k): v for k, v in zip(range(4), np.diag(np.linalg.inv(np.corrcoef(d[:, :4].T))))})
r2 = np.corrcoef(d[:, 0], d[:, 10])[0, 1] ** 2
show('vif 10,11,0 (10 and 11 collinear: infinite)', vif0=1 / (1 - r2))

cov = np.cov(d[:, :4].T, bias=True)
w, v = np.linalg.eigh(cov)
order = np.argsort(w)[::-1]
w, v = w[order], v[:, order]
for c in range(4):
    v[:, c] *= np.sign(v[np.argmax(np.abs(v[:, c])), c])
show('pca eigenvalues', **{'l%d' % k: w[k] for k in range(4)}, total=w.sum())
for c in range(2):
    show('pca vector %d' % c, **{'v%d' % k: v[k, c] for k in range(4)})
print('   cumulative share', np.cumsum(w) / w.sum())

corr = np.corrcoef(d[:, :4].T)
u, s, vt = np.linalg.svd(corr)
show('svd singular values of corr 0..3', **{'s%d' % k: s[k] for k in range(4)})
paired, names = [], []
for k in range(4):
    cand = [i for i in range(4) if i not in paired]
    best = max(cand, key=lambda i: abs(vt[k, i]))
    paired.append(best)
print('   paired attributes', paired)

# density: shares of equal-width bins from the raw values (the sketch is within its bucket width)
edges = np.linspace(x.min(), x.max(), 11)
counts, _ = np.histogram(x, bins=edges)
print('density sepal_length 10 bins shares', list(counts / n))
pl = d[:, 2]; sel = d[:, 12] == 1
m, sd = pl[sel].mean(), pl[sel].std()
edges = np.linspace(pl.min(), pl.max(), 7)
print('conditional density petal_length|Iris_setosa 6 bins', list(np.diff(stats.norm.cdf(edges, m, sd))))

kept = []
for k in (0, 1, 2, 3, 10, 11, 12, 13, 14):
    candidate = kept + [k]
    s = np.linalg.svd(np.corrcoef(d[:, candidate].T).reshape(len(candidate), len(candidate)), compute_uv=False)
    if s.min() / s.max() >= 1e-14:
        kept = candidate
print('svd feature selection of 0,1,2,3,10,11,12,13,14 keeps', kept)
