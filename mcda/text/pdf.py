"""Messages of the PDF export (:mod:`mcda.export.pdf`)."""
from __future__ import annotations

__all__ = ["ENTRIES"]

ENTRIES: dict[str, tuple[str, str]] = {
    "err.pdf.no_browser": (
        "生成 PDF 需要 Chromium 浏览器，但本机未找到（Debian：apt-get install chromium fonts-wqy-microhei；"
        "或用环境变量 MCDA_CHROMIUM 指定浏览器路径）",
        "a PDF needs the Chromium browser, and none was found (Debian: apt-get install chromium "
        "fonts-wqy-microhei; or set MCDA_CHROMIUM to a browser's path)"),
    "err.pdf.browser_missing": ("MCDA_CHROMIUM 指定的浏览器 {path} 不存在或不可执行",
                                "the browser MCDA_CHROMIUM names, {path}, does not exist or cannot run"),
    "err.pdf.timeout": ("浏览器 {seconds} 秒内未能打印完报告，已放弃", "the browser did not print the report within {seconds} s; abandoned"),
    "err.pdf.cannot_run": ("无法启动浏览器 {path}：{reason}", "cannot start the browser {path}: {reason}"),
    "err.pdf.failed": ("浏览器未能生成 PDF（退出码 {status}）：{detail}", "the browser did not produce a PDF (exit status {status}): {detail}"),
    "cli.what.pdf": ("PDF 报告", "the PDF report"),
}
