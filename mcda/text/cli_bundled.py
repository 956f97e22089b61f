"""The ``mcda template``, ``mcda example`` and ``mcda app`` commands (:mod:`mcda.cli.bundled`)."""
from __future__ import annotations

__all__ = ["ENTRIES"]

ENTRIES: dict[str, tuple[str, str]] = {
    "cli.bundled.help_template": (
        "随包提供的标准指标模板（19 个维度、114 个下级指标，与原文一致）",
        "the bundled criteria template (19 dimensions, 114 sub-criteria, faithful to the article)"),
    "cli.bundled.help_example": ("随包提供的示例招标方案（虚构：5 个服务商、3 名评委）",
                                 "the bundled example tender (fictitious: 5 vendors, 3 members)"),
    "cli.bundled.help_output": ("写入 OUT（原子写入），而非打印", "write to OUT (atomically) instead of printing"),
    "cli.bundled.help_lang": ("消息的语言：中文或英文（环境变量 MCDA_LANG）",
                              "language of the messages: Chinese or English (env MCDA_LANG)"),
    "cli.bundled.help_app": ("启动已安装的应用（streamlit run）；其余参数传给 streamlit",
                             "start the installed app (streamlit run); other arguments go to streamlit"),
    "cli.bundled.help_app_options": ("传给 streamlit run 的选项，例如 --server.port 8502 --server.headless true",
                                     "options for streamlit run, e.g. --server.port 8502 --server.headless true"),
    "cli.bundled.app_epilog": ("streamlit 的全部选项见 python -m streamlit run --help",
                               "every streamlit option: python -m streamlit run --help"),
    "cli.bundled.wrote_template": ("已将指标模板写入 {path}", "wrote the criteria template to {path}"),
    "cli.bundled.wrote_example": ("已将示例招标方案写入 {path}", "wrote the example tender to {path}"),
    "cli.bundled.err_missing": (
        "找不到随包提供的文件 {path}：安装不完整，请重新安装 vendor-eval",
        "the bundled file {path} is missing: the installation is incomplete; reinstall vendor-eval"),
}
