"""The Japanese words of figures and pages: i18n.py's catalogue for "ja".

Keys are the English text (the catalogue's key), values what a Japanese page shows.
"""

JAPANESE: dict[str, str] = {
    # site chrome
    "Tags": "タグ",
    "Feed": "フィード",
    "Theme": "テーマ",
    "Dark": "ダーク",
    "Light": "ライト",
    "Switch between the light and the dark theme": "ライトテーマとダークテーマを切り替える",
    "Skip to the text": "本文へ移動",
    "Loading Python…": "Python を読み込み中…",
    "Starting Python…": "Python を起動中…",
    "Loading Python: {loaded} of {total} MB": "Python を読み込み中：{loaded} / {total} MB",
    "Python ready in {seconds} s": "Python の準備ができました（{seconds} 秒）",
    "Python could not start: {reason}. The figures show their first state.":
        "Python を起動できませんでした：{reason}。図は最初の状態のままです。",
    "it has stopped responding (a slow connection or too little memory?)":
        "応答がありません（回線が遅いか、メモリが足りないのかもしれません）",
    "you are offline and this site is not saved for offline reading yet":
        "オフラインで、このサイトはまだオフライン用に保存されていません",
    "The figures need this page served over HTTP, or its offline edition:":
        "図を動かすには、このページを HTTP で開くか、オフライン版を使ってください：",
    "The figures need this page served over HTTP (try `make serve`).":
        "図を動かすには、このページを HTTP で開いてください（`make serve`）。",
    "Stop": "停止",
    "Code": "コード",
    "{label}. Tab indents; press Escape then Tab to leave the editor.":
        "{label}。Tab キーでインデントします。エディタから出るには Escape キー、"
        "続けて Tab キーを押します。",
    "Running… press Stop to end it.": "実行中…「停止」で止められます。",
    "Starting Python for this code…": "このコード用の Python を起動中…",
    "Stopped after {seconds} s.": "{seconds} 秒で停止しました。",
    "Stopped after {seconds} s: {reason}.": "{seconds} 秒で停止しました：{reason}。",
    "This figure hit an error: {error}": "この図でエラーが起きました：{error}",
    "the code ran longer than its limit of {seconds} s":
        "コードが制限時間の {seconds} 秒を超えました",
    "Restored this figure from the link.": "リンクからこの図の状態を復元しました。",
    "Some values in the link were out of date and were left as they are.":
        "リンクの値の一部は古いか不正なため、使いませんでした。",
    "Built with nnpress. The figures are computed by Python running in your browser.":
        "nnpress で作成。図はブラウザで動く Python が計算しています。",
    "Contents": "目次",
    "{n} min read": "{n} 分で読めます",
    "Available offline.": "オフラインでも読めます。",
    "You are offline: reading the saved copy of this site.":
        "オフラインです。保存したこのサイトを表示しています。",
    "Saving this site for offline reading…": "オフラインで読めるようにこのサイトを保存中…",
    "You are offline, and this site is not saved for offline reading yet.":
        "オフラインです。このサイトはまだオフライン用に保存されていません。",
    "A new version of this site is ready: it loads with the next page you open.":
        "このサイトの新しい版が届きました。次に開くページから切り替わります。",
    "Link to this figure": "この図へのリンク",
    "Link copied": "リンクをコピーしました",
    "Table {n}": "表 {n}",
    # the service worker's page for a page not saved (templates/offline.html)
    "You are offline": "オフラインです",
    "This page is not saved on this device, and the network cannot be reached.":
        "このページはこの端末に保存されておらず、ネットワークにもつながりません。",
    "The pages you can read offline are listed on the site's {front_page}.":
        "オフラインで読めるページは、このサイトの{front_page}にあります。",
    "front page": "トップページ",
    "Code {n}": "コード {n}",
    "Equation {n}": "数式 {n}",
    "Output": "出力",
    "Passengers": "乗客",
    "What the network says": "ネットワークの答え",
    "Neuron for {name}: age {age} × {w1} + sex {sex} × {w2} + bias {b}, "
    "sigmoid gives {p}: {outcome}":
        "{name} のニューロン：年齢 {age} × {w1} + 性別 {sex} × {w2} + バイアス {b}、"
        "シグモイドの値 {p}：{outcome}",
    "Scrollable table": "スクロールできる表",
    "Scrollable equation": "スクロールできる数式",
    "Network diagram": "ネットワークの図",
    "error": "誤差",
    "log scale": "対数目盛",
    "{value} (log scale)": "{value}（対数目盛）",
    # activation
    "{name} curve with the point x = {x}, f(x) = {y}":
        "{name} の曲線と点 x = {x}、f(x) = {y}",
    "sigmoid": "シグモイド",
    "relu": "ReLU",
    "tanh": "tanh",
    # prediction
    "passenger": "乗客",
    "age": "年齢",
    "sex": "性別",
    "survived": "生存",
    "male": "男性",
    "female": "女性",
    "yes": "はい",
    "no": "いいえ",
    "missing": "欠損",
    "{age} (mean)": "{age}（平均）",
    "did not survive": "助からなかった",
    "outcome|survived": "助かった",
    "z = sum": "z = 総和",
    "Point at a passenger, or move to one with Tab, to see the calculation.":
        "乗客を指すか、Tab キーや矢印キーで移動すると、計算が表示されます。",
    "This passenger's age is missing from the data. The missing number spreads "
    "through the sum, so the model answers “not survived” (the published accuracy "
    "counts such passengers this way).":
        "この乗客の年齢はデータにありません。欠けた数は総和に広がるので、モデルの答えは"
        "「助からなかった」になります（公表された正解率もこう数えています）。",
    "and NaN ≥ 0.5 is false": "NaN ≥ 0.5 は偽",
    "Actually {outcome}: the model is {right}.": "実際は{outcome}：モデルは{right}。",
    "right ✓": "正解 ✓",
    "wrong ✗": "不正解 ✗",
    "These weights were trained on passengers 1–600; on passengers 601–891 they are "
    "right {accuracy}.":
        "この重みは乗客1〜600で学習したものです。乗客601〜891では {accuracy} が正解です。",
    "213 of 291 = 73.20%": "291人中213人 = 73.20%",
    "215 of 291 = 73.88%": "291人中215人 = 73.88%",
    "{name}, age {age}, {sex}: prediction {p}, {outcome}":
        "{name}、年齢 {age}、{sex}：予測 {p}、{outcome}",
    # shared by several figures
    "list|, ": "、",
    "Play": "再生",
    "Pause": "一時停止",
    "Step": "1 ステップ",
    "Reset": "リセット",
    "{name}: one fewer": "{name}：1 つ減らす",
    "{name}: one more": "{name}：1 つ増やす",
    "loss": "損失",
    # regression (and the other house-price figures)
    "weight": "重み",
    "bias": "バイアス",
    "steps": "ステップ数",
    "error (MSE)": "誤差（MSE）",
    "Well done: the error is under {goal}.": "よくできました。誤差が {goal} を下回りました。",
    "Get the error under {goal}.": "誤差を {goal} 未満にしてみましょう。",
    "Error {error} at {values}": "誤差 {error}（{values}）",
    "; goal: under {goal}": "、目標：{goal} 未満",
    "; goal: under {goal}, met": "、目標：{goal} 未満、達成",
    "area (sq ft)": "面積（平方フィート）",
    "price ($1000)": "価格（千ドル）",
    "{n} houses, area against price, with the line price = {w} × area{b}; error {error}":
        "{n} 軒の家の面積と価格、直線 価格 = {w} × 面積{b}、誤差 {error}",
    "House": "家",
    "House {n}": "家 {n}",
    "Area (sq ft)": "面積（平方フィート）",
    "Bathrooms": "浴室の数",
    "Price": "価格",
    "Prediction": "予測",
    "Difference": "差",
    "Squared difference": "差の 2 乗",
    "Mean squared error": "平均二乗誤差",
    "Prices and predictions in $1000": "価格と予測（単位：千ドル）",
    "area": "面積",
    "baths": "浴室",
    "price": "価格",
    "input": "入力",
    "+ bias": "+ バイアス",
    "prediction": "予測",
    "Network diagram: {sentence}": "ネットワークの図：{sentence}",
    # gradient descent and two variables (house prices)
    "GD step": "1 ステップ進める",
    "10 GD steps": "10 ステップ進める",
    "100 GD steps": "100 ステップ進める",
    "error (MSE, log scale)": "誤差（MSE、対数目盛）",
    "error (MSE, linear scale)": "誤差（MSE、線形目盛）",
    "least possible {error}": "最小値 {error}",
    "Error over {n} gradient-descent steps: from {first} to {last}; the least "
    "possible is {best}":
        "勾配降下法 {n} ステップでの誤差の推移：{first} から {last} へ。最小値は {best}",
    "least error": "誤差が最小",
    "Heatmap of the error over weight (across) and bias (up), coloured from least to most "
    "as the scale below shows. The least error is at weight {w}, bias {b}":
        "重み（横軸）とバイアス（縦軸）に対する誤差のヒートマップ。色は下の目盛りのとおり、"
        "誤差の小さい側から大きい側へ変わる。誤差が最小になるのは重み {w}、バイアス {b}",
    "Current point: weight {w}, bias {b}, after {n} steps":
        "現在の点：重み {w}、バイアス {b}（{n} ステップ後）",
    "The error grew past all bounds: this learning rate is too large.":
        "誤差が際限なく大きくなりました。この学習率は大きすぎます。",
    "Error {error} after {n} steps, at weight {w}, bias {b}":
        "{n} ステップ後の誤差 {error}（重み {w}、バイアス {b}）",
    "weight 1 (area)": "重み 1（面積）",
    "weight 2 (bathrooms)": "重み 2（浴室の数）",
    "weight 1": "重み 1",
    "weight 2": "重み 2",
    "actual price ($1000)": "実際の価格（千ドル）",
    "predicted": "予測",
    "Predicted against actual price for the ten houses; the diagonal is a "
    "perfect prediction; error {error}":
        "10 軒の家の予測価格と実際の価格。対角線は完全な予測。誤差 {error}",
    "Error {error} after {n} steps, at weight 1 {w1}, weight 2 {w2}, bias {b}":
        "{n} ステップ後の誤差 {error}（重み 1 {w1}、重み 2 {w2}、バイアス {b}）",
    # training
    "epoch": "エポック",
    "loss (MSE)": "損失（MSE）",
    "Weight (lb − 135)": "体重（ポンド − 135）",
    "Height (in − 66)": "身長（インチ − 66）",
    "Epoch {epoch} of {epochs} · loss {loss}": "エポック {epoch} / {epochs} · 損失 {loss}",
    "Loss over epochs: {loss} after epoch {epoch} of {epochs}":
        "エポックごとの損失：エポック {epoch} / {epochs} の後で {loss}",
    "Emily": "エミリー",
    "Frank": "フランク",
    "Your person": "あなたが決めた人",
    "person": "人",
    "weight − 135": "体重 − 135",
    "height − 66": "身長 − 66",
    "P(female)": "P(女性)",
    "guess": "推定",
    "guess|F": "女",
    "guess|M": "男",
    "Training…": "学習中…",
    "Epoch {epoch} of {epochs}, loss {loss}. P(female): Emily {emily}, Frank {frank}, "
    "your person ({w}, {h}) {own}":
        "エポック {epoch} / {epochs}、損失 {loss}。P(女性)：エミリー {emily}、"
        "フランク {frank}、あなたが決めた人（{w}, {h}）{own}",
    # playground
    "Data": "データ",
    "Circle": "円",
    "Exclusive or": "排他的論理和",
    "Two Gaussians": "2 つのガウス分布",
    "Spiral": "らせん",
    "Activation": "活性化関数",
    "Learning rate": "学習率",
    "Noise": "ノイズ",
    "Layers": "層",
    "Units": "ユニット",
    "Hidden layers": "隠れ層の数",
    "Units per hidden layer": "隠れ層 1 つあたりのユニット数",
    "{n} hidden layers": "隠れ層 {n} 層",
    "{n} hidden layer of {units} unit": "隠れ層 {n} 層（各 {units} ユニット）",
    "{n} hidden layer of {units} units": "隠れ層 {n} 層（各 {units} ユニット）",
    "{n} hidden layers of {units} unit": "隠れ層 {n} 層（各 {units} ユニット）",
    "{n} hidden layers of {units} units": "隠れ層 {n} 層（各 {units} ユニット）",
    "Epoch {epoch} \u00b7 train loss {train} \u00b7 test loss {test}":
        "エポック {epoch} \u00b7 訓練損失 {train} \u00b7 テスト損失 {test}",
    "Epoch {epoch}: train loss {train}, test loss {test}":
        "エポック {epoch}：訓練損失 {train}、テスト損失 {test}",
    "{name} data, noise {noise}: {train} training points (filled) and {test} test "
    "points (outlined); orange is class 0, blue class 1":
        "{name}のデータ、ノイズ {noise}：訓練用の点 {train} 個（塗りつぶし）と"
        "テスト用の点 {test} 個（輪郭のみ）。オレンジはクラス 0、青はクラス 1",
    "The network's prediction over the plane after epoch {epoch}: blue where it "
    "says class 1, orange class 0; {right} of test points on the right side":
        "エポック {epoch} の後のネットワークの予測を平面全体に塗ったもの："
        "青はクラス 1、オレンジはクラス 0 と答える所。テスト用の点の {right} が正しい側にある",
    "A {shape} network; line thickness shows each weight's size, colour its "
    "sign; each unit shows its output over the plane":
        "{shape} のネットワーク。線の太さは各重みの大きさを、色はその符号を表す。"
        "各ユニットには平面上でのその出力を描いている",
    "hidden {n}": "隠れ層 {n}",
    "output": "出力",
    "Loss over {n} epochs: train {train}, test {test}":
        "{n} エポックでの損失：訓練 {train}、テスト {test}",
    "The network learns to tell the inner disc from the outer ring.":
        "ネットワークは内側の円盤と外側の輪を見分けることを学びます。",
    "The network learns exclusive or: one class where x₁ and x₂ share a sign.":
        "ネットワークは排他的論理和を学びます。x₁ と x₂ の符号が同じ所が一方のクラスです。",
    "The network learns to tell two clouds of points apart.":
        "ネットワークは 2 つの点の群れを見分けることを学びます。",
    "The network learns to tell two interleaved spirals apart.":
        "ネットワークは互いに絡み合った 2 本のらせんを見分けることを学びます。",
    # backprop
    "gradient of": "勾配を求めるパラメータ",
    "SGD step": "SGD を 1 ステップ",
    "10 steps": "10 ステップ",
    "Network for {name}: y_pred = {y}; path of {param} highlighted":
        "{name}のネットワーク：y_pred = {y}、{param} の経路を強調",
    "Alice": "アリス",
    "Bob": "ボブ",
    "Charlie": "チャーリー",
    "Diana": "ダイアナ",
    "factor": "因数",
    "working": "計算",
    "value": "値",
    "product": "積",
    "After {n} SGD step (learning rate {lr}), starting from L = {loss}.":
        "SGD {n} ステップ後の値です（学習率 {lr}、開始時は L = {loss}）。",
    "After {n} SGD steps (learning rate {lr}), starting from L = {loss}.":
        "SGD {n} ステップ後の値です（学習率 {lr}、開始時は L = {loss}）。",
    "SGD steps": "SGD のステップ数",
    "Loss over {n} SGD steps, now {loss}": "SGD {n} ステップでの損失の推移、現在 {loss}",
    "dL/d{param} = {gradient}; loss {loss} after {n} step":
        "dL/d{param} = {gradient}、{n} ステップ後の損失 {loss}",
    "dL/d{param} = {gradient}; loss {loss} after {n} steps":
        "dL/d{param} = {gradient}、{n} ステップ後の損失 {loss}",
    # softmax
    "score {name}": "スコア {name}",
    "class {n}": "クラス {n}",
    "class": "クラス",
    "score z": "スコア z",
    "probability": "確率",
    "sum": "合計",
    "Softmax of scores {scores}: probabilities {probs}":
        "スコア {scores} のソフトマックス：確率 {probs}",
    # network shape
    "− feature": "− 特徴量",
    "+ feature": "+ 特徴量",
    "− class": "− クラス",
    "+ class": "+ クラス",
    "features": "特徴量",
    "scores": "スコア",
    "probabilities": "確率",
    "softmax": "ソフトマックス",
    "Network with {f} input fully connected to {k} output scores, each followed by "
    "softmax; probabilities {probs}":
        "{f} 個の入力が {k} 個の出力スコアに全結合し、"
        "それぞれにソフトマックスが続くネットワーク。確率 {probs}",
    "Network with {f} inputs fully connected to {k} output scores, each followed by "
    "softmax; probabilities {probs}":
        "{f} 個の入力が {k} 個の出力スコアに全結合し、"
        "それぞれにソフトマックスが続くネットワーク。確率 {probs}",
    "{f} feature → {k} classes: {f} × {k} weights + {k} biases = {n} parameters":
        "特徴量 {f} 個 → クラス {k} 個：重み {f} × {k} 個 + バイアス {k} 個 = "
        "パラメータ {n} 個",
    "{f} features → {k} classes: {f} × {k} weights + {k} biases = {n} parameters":
        "特徴量 {f} 個 → クラス {k} 個：重み {f} × {k} 個 + バイアス {k} 個 = "
        "パラメータ {n} 個",
    "Softmax turns the {k} scores into {k} probabilities that add up to 1. For the "
    "example input the most likely class is class {best} ({p} = {value}).":
        "ソフトマックスは {k} 個のスコアを、合計が 1 になる {k} 個の確率に変えます。"
        "例の入力では、いちばん確率の高いクラスはクラス {best} です（{p} = {value}）。",
    "{f} feature, {k} classes, {n} parameters":
        "特徴量 {f} 個、クラス {k} 個、パラメータ {n} 個",
    "{f} features, {k} classes, {n} parameters":
        "特徴量 {f} 個、クラス {k} 個、パラメータ {n} 個",
    # feedforward
    "inputs": "入力",
    "neuron {name}": "ニューロン {name}",
    "Network with inputs {x1} and {x2}; output {name} = {value}":
        "入力 {x1} と {x2} のネットワーク。出力 {name} = {value}",
    "output {name} = {value}": "出力 {name} = {value}",
    # runnable code
    "Python code, editable; press Run to execute":
        "Python のコード（編集できます。「実行」を押すと実行します）",
    "Run": "実行",
    "Edited: press Run to see this code's output.":
        "編集済み：「実行」を押すと、このコードの出力が表示されます。",
    "Run {n} failed on line {line}: {message}":
        "{n} 回目の実行は {line} 行目で失敗しました：{message}",
    "Run {n} failed: {message}": "{n} 回目の実行は失敗しました：{message}",
    "Run {n} printed nothing": "{n} 回目の実行では何も出力されませんでした",
    "Run {n} printed: {last}": "{n} 回目の実行の出力：{last}",
    "Run {n} printed {count} lines; the last: {last}":
        "{n} 回目の実行の出力は {count} 行、最後の行：{last}",
    "[{n} more characters not shown]": "［残り {n} 文字は表示していません］",
    "(no output)": "（出力なし）",
    "Error": "エラー",
    "Error on line {line}": "{line} 行目でエラー",
    "Error on line {line}: {message}": "{line} 行目でエラー：{message}",
    "Error: {message}": "エラー：{message}",
}
