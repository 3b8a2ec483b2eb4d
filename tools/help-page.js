/**
 * help.html of the add-in (manifest.xml's SupportUrl and GetStarted.LearnMoreUrl): one static page in
 * Chinese and English, written into dist/ by webpack.config.js. No script, no request but its icon.
 */
module.exports = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'unsafe-inline'; img-src 'self'" />
<title>绩效目标表校验 · Jixiao</title>
<style>body{font-family:"Segoe UI","Microsoft YaHei","PingFang SC",sans-serif;max-width:720px;margin:32px auto;padding:0 16px;line-height:1.7;color:#242424}h1{font-size:22px}h2{font-size:17px;margin-top:28px}</style>
</head>
<body>
<h1><img src="assets/icon-32.png" alt="" width="32" height="32" style="vertical-align:middle"> 绩效目标表校验 Jixiao</h1>
<p>在 Excel 的“开始”选项卡中找到“绩效”组：</p>
<ul>
<li><b>校验本表</b>：找出当前工作表中的每一张绩效目标表，在单元格上标出问题（红：错误，黄：警告，蓝：提示），并在任务窗格中列出。</li>
<li><b>指标库</b>：按项目搜索或推荐标准指标，预览后插入表格，格式与相邻行一致。</li>
<li><b>清除标记</b>：去掉所有标记，工作表恢复原样。标记以条件格式显示，会随文件保存；保存前请先清除（或在设置中选择保留）。</li>
</ul>
<p>Jixiao 不会修改任何单元格的值，除非您点击某个问题的“修正”按钮；修正可以撤销。所有数据都留在本机，不发送到任何服务器。</p>
<h2>English</h2>
<p>The Jixiao group on the Home tab: <b>Validate</b> marks every problem in the performance target tables on the active sheet and lists them in the task pane; <b>Templates</b> opens the indicator library; <b>Clear marks</b> removes every mark (marks are conditional formats and are saved with the file, so clear them before saving unless you chose to keep them). Jixiao never changes a value unless you apply a fix, and nothing leaves your computer.</p>
</body>
</html>`;
