#!/usr/bin/env bash
# A three-cell fusion end to end on this machine, with the command-line client bin/sml:
#   1. start 3 cells and 1 fusion           (deploy/local/cluster start 3)
#   2. each cell learns its share of the Boston housing data into its project "houses"
#      (examples/data/housing-fed3/housing{1,2,3}.csv, 25 + 100 + 281 rows)
#   3. the fusion node creates the fusion project "houses" over the three cells
#      (POST projects/fusion/create with the encrypted cell list, spec §6.2)
#   4. it checks the cells (cellsStatus, encrypted answer decrypted with bin/sml decrypt),
#      explores the fused data (count and mean of MEDV over all 406 rows, never moved) and shows info
#   5. stops the cluster (KEEP=1 leaves it running to try more calls)
#
# Run from anywhere: deploy/local/walkthrough.sh   (BASE_PORT=... moves the ports, as for the cluster)
# shellcheck disable=SC1090,SC1091  # sources the env files that deploy/local/cluster writes
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
cd "$root"
data="${HOUSING_DATA:-$root/examples/data/housing-fed3}"
work="$root/target/cluster/walkthrough"
sml=(bin/sml)

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
show() { printf '$ %s\n' "$*" >&2; "$@"; }

[[ -f "$data/housing1.csv" ]] || { echo "walkthrough: no housing data in $data (set HOUSING_DATA)" >&2; exit 1; }

if [[ "${KEEP:-0}" != 1 ]]; then
  trap 'step "5. stop the cluster"; deploy/local/cluster stop' EXIT
fi

step "1. start 3 cells and 1 fusion"
deploy/local/cluster start 3
mkdir -p "$work"

# A CSV file as a DataFrame (every column numeric: type C).
csv_to_dataframe() {
  awk -F, '
    { sub(/\r$/, "") }
    NR == 1 {
      printf "{\"attributeNames\":["
      for (i = 1; i <= NF; i++) printf "%s\"%s\"", (i > 1 ? "," : ""), $i
      printf "],\"attributeTypes\":["
      for (i = 1; i <= NF; i++) printf "%s\"C\"", (i > 1 ? "," : "")
      printf "],\"data\":["
      next
    }
    NF > 0 {
      printf "%s[", (rows++ ? "," : "")
      for (i = 1; i <= NF; i++) printf "%s\"%s\"", (i > 1 ? "," : ""), $i
      printf "]"
    }
    END { print "]}" }' "$1"
}

step "2. each cell learns its own file into its project 'houses'"
cells_json="{\"values\":[" separator=""
for i in 1 2 3; do
  csv_to_dataframe "$data/housing$i.csv" >"$work/housing$i.json"
  (
    . target/cluster/cell$i.env
    echo "-- cell$i ($SML_HOST, customer $SML_CID): housing$i.csv"
    show "${sml[@]}" POST 'projects?pid=houses' '{}'
    show "${sml[@]}" POST projects/houses/learn "@$work/housing$i.json"
  )
  . target/cluster/cell$i.env
  cells_json+="$separator{\"host\":\"$SML_HOST\",\"cid\":\"$SML_CID\",\"sk\":\"$SML_SECRET\",\"pid\":\"houses\"}"
  separator=","
done
cells_json+="]}"
printf '%s\n' "$cells_json" >"$work/cells.json"
chmod 600 "$work/cells.json"

. target/cluster/fusion.env
step "3. on the fusion node ($SML_HOST, customer $SML_CID): create the fusion 'houses' over the three cells"
echo "cell list (sent encrypted with the fusion customer's key; it holds the cells' keys):"
sed -E 's/"sk":"[^"]*"/"sk":"<cell key>"/g' "$work/cells.json"
show "${sml[@]}" --encrypt POST 'projects/fusion/create?pid=houses' "@$work/cells.json"

step "4a. cellsStatus: the fusion probes each cell; the answer is encrypted with our key"
show "${sml[@]}" --encrypt POST projects/fusion/houses/cellsStatus "@$work/cells.json" | tee "$work/cellsStatus.json"
echo "decrypted:"
jq -r '.values.cellsStatus' "$work/cellsStatus.json" | "${sml[@]}" decrypt - | jq .

step "4b. explore the fused project: MEDV over all rows (the fusion fetches and merges the cells now)"
show "${sml[@]}" POST 'projects/houses/explore?metric=uni&returnProjectInfo=false' \
  '{"values":[{"inputAttributeNames":["MEDV"]}]}' | tee "$work/explore.json" | jq -c .
awk -F, 'FNR > 1 && NF > 0 { n++; s += $NF } END { printf "expected (awk over the three files): count=%d mean=%.4f\n", n, s / n }' \
  "$data"/housing[123].csv

step "4c. info of the fusion project"
show "${sml[@]}" GET projects/houses/info | jq .

if [[ "${KEEP:-0}" == 1 ]]; then
  echo
  echo "The cluster keeps running (KEEP=1): try (. target/cluster/fusion.env; bin/sml GET projects/houses/info);"
  echo "stop it with deploy/local/cluster stop"
fi
