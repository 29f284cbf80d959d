"""A fusion of three cells, a model built on it, and its predictions — from pandas.

    python3 fusion_housing.py CELL1.csv CELL2.csv CELL3.csv TEST.csv

Credentials: SML_HOST (default http://localhost:9080), SML_CID (default c1), SML_SECRET. Each CSV
is learned by its own cell project (here all three on the same server and customer; in real life
each cell runs next to its own data). The fusion merges the cells' statistics, a linear regression
of the last column on the others is built on the fusion, and the test file is predicted; the script
prints the coefficients and the RMSE on the test file.
"""

import math
import os
import sys
import uuid

import pandas as pd

from smlfusion import Client


def main(cell_files, test_file):
    client = Client(os.environ.get("SML_HOST", "http://localhost:9080"), os.environ.get("SML_CID", "c1"),
                    os.environ["SML_SECRET"])
    run = uuid.uuid4().hex[:8]
    cells = []
    for k, path in enumerate(cell_files, start=1):
        pid = f"housing{k}-{run}"
        client.create_project(pid)
        rows = client.learn(pid, pd.read_csv(path))
        print(f"cell {pid}: {rows} rows learned")
        cells.append({"host": client.host, "cid": client.cid, "sk": client.secret, "pid": pid})

    fusion = f"housing-{run}"
    client.create_fusion(fusion, cells)
    test = pd.read_csv(test_file)
    target, inputs = test.columns[-1], list(test.columns[:-1])
    info = client.build(fusion, "mlr1", "mlr", [target], inputs)
    print(f"fusion {fusion}: mlr of {target} on {len(inputs)} inputs")
    for name, value in info.get("info", {}).items():
        print(f"  {name} = {value}")

    predictions = client.predict(fusion, "mlr1", test[inputs])
    predicted = [float(row["res"]) for row in predictions]
    rmse = math.sqrt(sum((p - y) ** 2 for p, y in zip(predicted, test[target])) / len(test))
    print(f"RMSE on {os.path.basename(test_file)} ({len(test)} rows): {rmse:.10f}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1:-1], sys.argv[-1])
