"""Plans written by someone who had not seen the importer (``blind/README.md``) import as their gold.

Each floor is the level reached when the file was added; the pdfminer and plain ``pdftotext``
prints of Word-made PDFs are still read only in part (the README's list of what is not read)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from intake.importer.api import import_document
from intake.importer.model import PlanDraft

from .conftest import needs_shared

BLIND = Path(__file__).resolve().parent / "blind"

FLOORS = [
    # converter Markdown (tab-separated rows, <b>/<p> in cells), markitdown, pandoc
    ("ilacs_calderbrook", 1.0, 0.98),
    ("lcspr_wexcombe_childR", 1.0, 1.0),
    ("neglect_northmoor", 1.0, 1.0),
    ("kestonbridge_jtai_domestic_abuse", 1.0, 1.0),
    ("holmebrook_neglect_tracker", 1.0, 0.99),
    ("fernleigh_lcspr_baby_ellis", 1.0, 1.0),
    ("eastwold_lcspr_child_m", 1.0, 0.99),
    ("ravensmoor_maca_neglect_audit_action_plan", 1.0, 1.0),
    ("hollinsford_domestic_abuse_strategy_action_plan", 1.0, 0.98),
    ("marlbridge_scrutiny_report_lcspr_child_t_appendix", 1.0, 1.0),
    ("harrowdale_wyke_exploitation_delivery_plan", 1.0, 1.0),
    ("eastmere_jtai_serious_youth_violence", 1.0, 0.98),
    ("ravensworth_neglect_early_help_plan", 1.0, 1.0),
    ("marlshire_pcp_syv", 1.0, 1.0),
    ("harlbury_jtai_da", 1.0, 0.98),
    ("brackenshire_neglect", 1.0, 0.99),
    # Word's Save as Plain Text, a script's ' | ' rows, Excel's CSV, pdfplumber's rows
    ("kelsbridge_business_plan", 1.0, 1.0),
    ("brackenford_ilacs_labelled_blocks", 1.0, 0.98),
    ("halbury_cse_missing_tracker", 1.0, 1.0),
    ("mash_front_door", 1.0, 0.94),
    ("oakhurst_early_help_quarterly", 1.0, 0.99),
    # a PDF's blocks printed as seed 000 prints them
    ("kirkhallam_jtai_neglect", 0.98, 0.93),
    ("denholme_vale_lcspr_child_w", 0.98, 0.81),
    ("stourleigh_ilacs_afi_plan", 0.95, 0.71),
    ("wexcombe_cspr_child_t", 0.95, 0.52),
    ("castlebridge_jtai_wsoa", 0.98, 0.68),
    ("thornbury_vale_ce_delivery", 0.97, 0.56),
    # a PDF's lines with a tab where they cross a column's edge (as seed 001)
    ("wexcombe_jtai_mh", 1.0, 0.86),
    ("brackenford_neglect", 0.89, 0.67),
    ("haverleigh_scr", 0.36, 0.47),
    ("wexcombe_jtai_wsoa", 1.0, 0.96),
    ("harbridge_neglect_delivery_plan", 0.95, 0.74),
    ("ashdown_vale_exploitation_delivery_plan", 0.97, 0.80),
    # pdftotext -layout of Word-made PDFs
    ("thornbury_vale_lcspr_child_l", 1.0, 1.0),
    ("ashcombe_ilacs_improvement_plan_layout", 1.0, 1.0),
    # pdfminer and plain pdftotext of Word-made PDFs: read in part
    ("wexcombe_jtai_mental_health", 0.84, 0.76),
    ("brackenfield_exploitation_missing_plan", 1.0, 0.49),
    ("thornleigh_scp_business_plan", 0.48, 0.31),
    ("ashcombe_ilacs_improvement_plan", 0.15, 0.83),
    ("kingsmere_alderton_exploitation_delivery_plan", 0.41, 0.44),
    # Word documents: merged areas and leads, colour-only RAG, Word's own numbering as the only
    # references, content controls, tracked changes, a form table per action, nested tables
    ("fernhollow_jtai_syv_wsoa", 1.0, 1.0),
    ("castlemere_cspr_baby_rowan", 1.0, 1.0),
    ("brackenmoor_ilacs_improvement_plan", 1.0, 1.0),
    ("brackenford_neglect_delivery_plan", 1.0, 1.0),
    ("wenmouth_exploitation_delivery_plan", 1.0, 1.0),
    ("oldhaven_domestic_abuse_partnership_plan", 1.0, 1.0),
    ("wyndle_vale_jtai_wsoa", 1.0, 1.0),
    ("calderbrook_business_plan", 1.0, 0.99),
    # Excel workbooks: title rows, merged areas, real dates, fill-only RAG, sheets of completed
    # actions, monthly update columns, struck-through rows, conditional formatting
    ("plan1_neglect_tracker", 1.0, 1.0),
    ("plan2_da_wsoa_workbook", 1.0, 1.0),
    ("plan3_cspr_monthly_updates", 1.0, 1.0),
    ("harrowmere_li_tracker", 1.0, 1.0),
    # PDFs printed by WeasyPrint: repeated headers, rows cut by page breaks, spanning cells, RAG
    # shown by a coloured square
    ("wexcombe_jtai_wsoa_weasyprint", 1.0, 1.0),
    ("brackenmoor_scr_baby_l", 1.0, 0.99),
    ("eastmere_coldwell_neglect_delivery_plan", 1.0, 1.0),
    # the second round: tools' exports (Planner, a SharePoint list, a dashboard with numbers for
    # references), two-row headers with a RAG per quarter, Excel's cp1252 CSV, a sheet per agency,
    # Word tables split per page under captions, RAG as coloured symbols, a plan in prose and lists,
    # PDFs printed from Excel, as blocks, and inside a board report
    ("kelderby_jtai_early_help_planner", 0.98, 1.0),
    ("caddonfield_learning_review_actions_sharepoint", 1.0, 1.0),
    ("ravensmoor_business_plan_dashboard", 1.0, 1.0),
    ("orchardvale_priorities_2024_25", 1.0, 1.0),
    ("stourmere_jtai_wsoa", 1.0, 1.0),
    ("hallowdene_cspr_child_t", 1.0, 1.0),
    ("kestlebridge_jtai_wsoa_early_help", 1.0, 1.0),
    ("marrowdene_cspr_ruby_alfie_action_plan", 1.0, 1.0),
    ("ellerwick_partnership_plan_2025_27", 1.0, 0.98),
    ("amwscp_jtai_tracker_excel_print", 1.0, 1.0),
    ("sallowfield_scp_delivery_plan_blocks", 1.0, 1.0),
    ("hollinsbury_cspr_child_t_board_report", 1.0, 1.0),
    # the third round: cells merged two columns wide with emoji statuses, open and closed tables on
    # one sheet, update rows under each action, HTML from Google Docs, a web tracker and Word, and
    # Word plans printed to PDF by LibreOffice (no vertical rules; no borders at all: read in part)
    ("hollinbrook_jtai_wsoa_tracker", 1.0, 1.0),
    ("ashcombe_vale_cspr_child_m_action_plan", 1.0, 1.0),
    ("kettleby_farrowdale_da_delivery_plan", 1.0, 1.0),
    ("akscp_neglect_delivery_plan_gdocs", 1.0, 0.98),
    ("ravensholt_cspr_child_d_action_plan", 1.0, 1.0),
    ("wyvernhurst_jtai_wsoa_tracker_print", 1.0, 1.0),
    ("hollinsford_cspr_kai_action_plan", 1.0, 0.95),
    ("wealdbridge_scp_delivery_plan_2025_26", 1.0, 0.98),
    ("kestrelmoor_jtai_early_help_wsoa", 0.9, 0.4),
    # the fourth round: an Excel table with a totals row and struck-through old wording, areas by
    # code named on another sheet under an active filter, initials with a key beside the plan and
    # numbered ratings, LibreOffice's text of a Word plan numbered by Word, a header as its own
    # table, bulleted actions in one cell, highlighted RAG words
    ("lindenshaw_cspr_baby_ellis_tracker", 1.0, 0.98),
    ("pellworth_jtai_da_wsoa_workbook", 0.98, 1.0),
    ("tarnbury_exploitation_delivery_plan_2025_26", 0.92, 0.71),
    ("dunmarsh_jtai_csa_wsoa_lo", 1.0, 0.89),
    ("pellowby_cspr_baby_tommy_action_plan", 1.0, 0.98),
    ("quenbury_neglect_delivery_plan_2024_26", 1.0, 0.83),
    ("tarnleigh_jtai_domestic_abuse_wsoa", 1.0, 1.0),
    # the fifth round: cover pages and a glossary around the plan, RAG by shading alone beside a key,
    # LibreOffice Writer and Calc files, two header rows of quarters, legacy .xls from a tool's export,
    # Smartsheet and semicolon cp1252 CSV, a Confluence page, a board paper saved as plain text, an
    # email with a pasted range, PDFs from Word, Excel and WeasyPrint (borderless, colour-only RAG)
    ("ashdown_moor_hoth_plan", 1.0, 1.0),
    ("brackenford_improvement_plan", 1.0, 1.0),
    ("wexcombe_jtai_wsoa_cover_pages", 1.0, 1.0),
    ("kestlebury_lcspr_child_r", 1.0, 0.8),
    ("thornbury_vale_business_plan", 0.82, 0.83),
    ("thornbury_vale_exploitation_plan", 0.97, 0.97),
    ("wexcombe_jtai_wsoa_dashboard", 0.86, 0.83),
    ("eastholm_cspr_child_r", 1.0, 1.0),
    ("marlowe_fen_action_register", 1.0, 1.0),
    ("redmarsh_audit_action_plan", 1.0, 1.0),
    ("harrowfield_cspr_tracker", 0.96, 1.0),
    ("wexcombe_jtai_smartsheet", 0.88, 0.83),
    ("aldbourne_exploitation_confluence", 1.0, 1.0),
    ("castlemere_neglect_board_paper", 0.96, 0.95),
    ("northholme_missing_email_paste", 1.0, 0.96),
    ("ashcombe_cspr_ellie", 0.9, 0.75),
    ("fenmarsh_neglect_improvement_plan", 1.0, 1.0),
    ("hollinsford_mental_health_jtai", 1.0, 1.0),
    ("thornbury_vale_exploitation_tracker", 1.0, 1.0),
    ("wexcombe_jtai_da_wsoa_lo", 1.0, 0.99),
    ("thornbury_vale_infant_notion", 1.0, 1.0),
    # fourteenth session: PDFs made by WeasyPrint, converter Markdown written by hand
    ("marlowe_vale_send_wsoa", 1.0, 1.0),
    ("thornbury_fells_jtai_domestic_abuse", 1.0, 1.0),
    ("kingsmere_scp_business_plan_2021_22", 1.0, 1.0),
    ("brackenfield_ilacs_improvement_plan", 1.0, 0.97),
    ("eastmere_hsb_delivery_plan", 1.0, 1.0),
    ("whitmoor_section11_audit_action_plan", 1.0, 0.93),
    ("fernhollow_cspr_baby_isla", 1.0, 1.0),
    ("rushford_neglect_audit_action_plan", 1.0, 1.0),
    # fourteenth session, second round: Word and Excel files made with python-docx and openpyxl, two
    # of them printed to PDF by LibreOffice; several actions as list paragraphs in one cell beside a
    # 'No.' column numbering the areas (ilacs) is read in part
    ("harrowfield_jtai_wsoa_numbered_headings", 1.0, 1.0),
    ("harrowfield_jtai_wsoa_numbered_headings_print", 1.0, 1.0),
    ("cspr_child_m_merged_recommendations", 1.0, 1.0),
    ("cspr_child_m_merged_recommendations_print", 1.0, 1.0),
    ("ilacs_improvement_bulleted_cells", 0.5, 0.54),
    ("send_wsoa_tracked_changes", 1.0, 1.0),
    ("fernley_neglect_strategy_quarterly", 1.0, 1.0),
    ("cce_tracker_sheet_per_theme", 1.0, 1.0),
    ("jtai_tracker_update_rounds", 1.0, 1.0),
    ("lscp_business_plan_status_in_progress", 1.0, 1.0),
    # fifteenth session: a third blind round of Word, Excel and WeasyPrint PDFs
    ("w1_wenbury_ilacs_improvement_plan", 1.0, 1.0),
    ("w2_harlowfen_jtai_cce_wsoa", 1.0, 1.0),
    ("w3_moorcastle_neglect_delivery_plan", 1.0, 1.0),
    ("w4_ashvale_cspr_child_j", 1.0, 0.98),
    ("x1_kingsford_exploitation_tracker", 1.0, 1.0),
    ("x2_brambleton_scp_business_plan", 1.0, 1.0),
    ("x3_hatherleigh_maca_audit_action_plan", 1.0, 1.0),
    ("p1_wrexley_rapid_review_baby_t", 1.0, 1.0),
    ("p2_thornaby_mere_cin_audit_action_plan", 1.0, 0.97),
    # fifteenth session, a fourth blind round: plans as tools export them (SharePoint lists, Planner,
    # Smartsheet, monday.com, Google Sheets, a sheet per priority, an Excel tracker printed to PDF)
    ("tool_marshfield_cross_cspr_child_k_splist", 1.0, 0.94),
    ("tool_penhallow_jtai_cce_wsoa_splist", 1.0, 1.0),
    ("tool_hextable_moor_neglect_delivery_planner", 1.0, 1.0),
    ("tool_kilnsea_bridge_exploitation_smartsheet", 1.0, 1.0),
    ("tool_saltmarsh_cross_jtai_da_wsoa_monday", 1.0, 1.0),
    ("tool_larkmoor_maca_neglect_gsheets", 1.0, 1.0),
    ("tool_corrington_cspr_baby_j_gsheets", 1.0, 1.0),
    ("tool_dunholme_business_plan_sheets", 1.0, 1.0),
    ("tool_glenbury_jtai_syv_tracker_print", 1.0, 1.0),
    # sixteenth session, a fifth blind round: WeasyPrint PDFs printed by pdfminer.six (a table per
    # action under a heading per strand; eight narrow columns and a recommendation merged down, read
    # in part), pdfplumber's tables joined by tabs, pdftotext -layout, and Word through a converter
    ("b5_harrowmere_jtai_wsoa", 0.58, 0.86),
    ("b5_castlebrook_cspr_child_r", 0.57, 0.36),
    ("b5_fenwold_neglect_delivery", 0.94, 1.0),
    ("b5_wyndham_vale_exploitation", 1.0, 1.0),
    ("b5_ashby_marsh_ilacs_improvement", 1.0, 0.9),
    ("b5_greyhithe_missing_children", 1.0, 1.0),
    ("b5_greyhithe_missing_children_print", 1.0, 1.0),
    ("b5_brackenfield_jtai_mental_health", 1.0, 1.0),
    ("b5_millbrook_scr_family_t", 1.0, 1.0),
    ("b5_rowanlea_exploitation_strategy", 1.0, 1.0),
    # sixteenth session, a sixth blind round: Word plans printed to PDF by LibreOffice, then printed
    # as text by pdfminer.six (column by column: read in part), by words cut at the columns' edges
    # and joined by tabs (as seed 001), and through mammoth; three of the PDFs themselves
    ("b6_castlemere_cspr", 0.55, 0.43),
    ("b6_ashby_ilacs", 0.22, 0.33),
    ("b6_fenwick_cspr", 0.76, 0.16),
    ("b6_westmoor_cce", 1.0, 1.0),
    ("b6_kelsworth_business", 1.0, 0.83),
    ("b6_orrinsford_exploitation", 1.0, 1.0),
    ("b6_denholt_neglect", 1.0, 1.0),
    ("b6_greyford_jtai", 1.0, 1.0),
    ("b6_ashby_ilacs_print", 1.0, 1.0),
    ("b6_orrinsford_exploitation_print", 1.0, 1.0),
    ("b6_bramcote_ilacs_print", 1.0, 1.0),
    # seventeenth session, a seventh blind round: Word (dated paragraphs and an Evidence column, a
    # heading per 'Learning theme' with update rows merged across, name and post in one cell, RAG
    # as a coloured dot), Excel (an R/A/G/C list; 'Due' dates and 'Revised due' words), a board
    # paper and a plan with its progress in a table of its own (PDF), a performance system's CSV
    # of a tree of priorities, objectives and actions (Type and Parent ID columns)
    ("b7_ferncastle_jtai_cce_wsoa", 1.0, 1.0),
    ("b7_wrenfield_cspr_child_h", 1.0, 1.0),
    ("b7_hexworth_ilacs_improvement_plan", 1.0, 1.0),
    ("b7_saltcombe_neglect_delivery_plan", 1.0, 1.0),
    ("b7_marlcombe_jtai_da_tracker", 1.0, 1.0),
    ("b7_kelbrook_exploitation_board_paper", 1.0, 1.0),
    ("b7_orchbury_cspr_zara_plan_and_progress", 1.0, 1.0),
    ("b7_pentwick_business_plan_export", 1.0, 1.0),
    # the eighth round: Word (areas numbered by Word over tables of lettered actions; 'Continued'
    # rows, contents and running headers; terms and initials with a key), Excel (an update and RAG
    # column per month named 'Apr-25 update'; a sheet per agency sharing actions), a Google Sheets
    # print and a two-column review plan with 'Lead:' and 'By:' in the action cell (PDF), and an
    # email wrapped at 76 characters ('A1 action (lead - due) - RAG' lines)
    ("b8_stavenham_jtai_cce_wsoa", 1.0, 1.0),
    ("b8_corrington_ilacs_improvement_plan", 1.0, 1.0),
    ("b8_pellingford_scp_business_plan_2025_26", 1.0, 0.96),  # school terms left undated, as seasons
    ("b8_lowbury_fen_neglect_delivery_plan", 1.0, 1.0),
    ("b8_heathmere_exploitation_delivery_plan", 1.0, 1.0),
    ("b8_ashworth_dale_da_action_plan_gsheets", 1.0, 0.98),
    ("b8_quarrington_cspr_child_k", 1.0, 1.0),
    ("b8_tollbridge_mash_plan_email", 1.0, 1.0),
    # the ninth round: a SEND written statement of action with area labels on rows of their own, a
    # review plan with 'Owner and date' in one cell and the status on the update's first line (Word);
    # an audit plan closed by 'Date completed', lettered areas over actions 'A(i)' (Excel); a focused
    # visit's BRAG plan, open and closed actions' tables (PDF); 1.1 headings over 1.1.1 actions
    # (pdftotext -layout); an Asana export (CSV)
    ("b9_ashgrove_send_wsoa", 1.0, 1.0),
    ("b9_wyebrook_cspr_child_n", 1.0, 1.0),
    ("b9_hartsmere_maca_strategy_discussions", 1.0, 1.0),
    ("b9_brackwater_jtai_syv_wsoa", 1.0, 1.0),
    ("b9_merrowfield_focused_visit_action_plan", 1.0, 1.0),
    ("b9_coldharbour_wrayford_exploitation_progress", 1.0, 1.0),
    ("b9_pelham_vale_scp_business_plan_q3", 1.0, 1.0),
    ("b9_oakmere_neglect_plan_asana_export", 1.0, 1.0),
    # the tenth round: Word (Previous and Current RAG columns with arrows; status as ticked checkbox
    # content controls; 'On track'/'At risk' keyed by colour; shaded priority rows between a
    # priorities table and a sign-off table; dated progress paragraphs and dated RAG letters, 'A (June
    # 25)'), exports (Jira's CSV with epics; Airtable's CSV; a workbook with a separate progress
    # log; a drop-down status and a formula RAG with its key beside the table; a CSV pasted with rows
    # carrying on the cells above), a GitHub wiki page (escaped pipes, a struck-through row), an email
    # pasting an Excel range, PDFs (a landscape JTAI plan with a running marking; labelled action
    # boxes; a committee report with the plan as Appendix 1) and their `pdftotext -layout` printings
    ("b10a_wrenhaven_jtai_cce_wsoa", 1.0, 1.0),
    ("b10a_ashbury_dunmere_cspr_freddie", 1.0, 1.0),
    ("b10a_kelmarsh_scp_business_plan_2025_26", 1.0, 1.0),
    ("b10a_stourfield_exploitation_delivery_plan", 1.0, 1.0),
    ("b10a_harrowby_send_priority_action_plan", 1.0, 1.0),
    ("b10b_brindlecombe_jtai_cce_jira_export", 1.0, 1.0),
    ("b10b_hallowford_neglect_strategy_airtable", 1.0, 1.0),
    ("b10b_pennerton_cspr_baby_isaac_progress_log", 1.0, 1.0),
    ("b10b_saltmarsh_vale_maca_wrapped_paste", 1.0, 1.0),
    ("b10b_westerholt_ilacs_tracker_status_dropdown", 1.0, 1.0),
    ("b10c_ashwell_dunmere_scp_business_plan_wiki", 1.0, 1.0),
    ("b10c_brindlecombe_send_pap_scrutiny_report", 1.0, 1.0),
    ("b10c_brindlecombe_send_pap_scrutiny_report.layout", 1.0, 0.98),  # a lead run into its date
    ("b10c_hallowmere_lcspr_harley_action_boxes", 1.0, 1.0),
    ("b10c_hallowmere_lcspr_harley_action_boxes.layout", 1.0, 1.0),
    ("b10c_kelsey_water_neglect_plan_email", 1.0, 0.98),  # an empty lead cell read as merged down
    # a row whose area cell is merged across the page break: pdfplumber loses its other cells
    ("b10c_tarnbury_jtai_initial_need_wsoa", 0.96, 0.98),
    ("b10c_tarnbury_jtai_initial_need_wsoa.layout", 1.0, 1.0),
    # the eleventh round: Word (a focused visit plan rated in brackets at the end of its progress; a
    # lead named once under each priority's heading; a summary grid of statuses by reference above
    # the plan; updates in a table nested in each progress cell; a review of last year's plan, 'What
    # we said we would do | What we did') and two printed to PDF by LibreOffice
    ("b11a_marlowmere_focused_visit_action_plan", 1.0, 1.0),
    ("b11a_marlowmere_focused_visit_action_plan_print", 1.0, 0.98),
    ("b11a_ashthorpe_kelbeck_neglect_delivery_plan", 1.0, 1.0),
    ("b11a_pellmarsh_cspr_elsie_action_plan", 1.0, 1.0),
    ("b11a_kellingford_dunmoor_exploitation_delivery_plan", 1.0, 1.0),
    # the nested update tables printed into the PDF run into the date column and split a row
    ("b11a_kellingford_dunmoor_exploitation_delivery_plan_print", 0.96, 0.96),
    ("b11a_haddenford_scp_business_plan_review_2024_25", 1.0, 1.0),
    # and tools' exports: Smartsheet's tree shown only by indenting names, Trello's CSV (lists,
    # labels, archived cards, a list of signed-off cards, dated updates in descriptions), Notion's
    # CSV (linked records with their addresses, a template row), Google Sheets with a 'Done'
    # checkbox and headings merged from the second column, a Calc sheet of labelled blocks
    ("b11b_wrexholme_scp_business_plan_smartsheet", 1.0, 1.0),
    ("b11b_caddenford_lcspr_baby_noah_trello", 1.0, 1.0),
    ("b11b_thurlowmere_hoth_delivery_plan_notion", 1.0, 1.0),
    ("b11b_pennick_vale_lcspr_child_s_gsheets", 1.0, 1.0),
    ("b11b_quillbrook_maca_csa_family_action_plan", 1.0, 1.0),
    # the twelfth round: a SharePoint page, board minutes with an action log, an .odt rated 'A → G',
    # an email of labelled blocks wrapped at 76 characters under three label sets, an Outlook email
    # rated by cell colour; a sheet per month, a 1–5 confidence score keyed above the plan, a
    # performance system's coded columns with a row per officer, an Excel tracker printed by Calc
    ("b12a_wealdmere_lcspr_child_j_sharepoint_page", 1.0, 1.0),
    ("b12a_fellbridge_ardle_scp_exec_minutes_action_log", 1.0, 1.0),
    ("b12a_harbourne_jtai_csa_wsoa_rag_travel", 1.0, 1.0),
    ("b12a_rillmouth_hsb_delivery_plan_tracker_email", 1.0, 1.0),
    ("b12a_coldmere_ilacs_improvement_plan_outlook_email", 1.0, 1.0),
    ("b12b_wrenmoor_neglect_delivery_plan_monthly_sheets", 1.0, 1.0),
    ("b12b_hartwell_ilacs_improvement_plan_confidence_scores", 1.0, 0.98),  # two scores keyed red: one read
    ("b12b_sallowmere_jtai_da_wsoa_perf_system_export", 1.0, 1.0),
    ("b12b_ashenford_lcspr_child_j_tracker_calc_print", 1.0, 1.0),
    # a plan on a page: strand columns side by side, actions numbered across them (read in part)
    ("b12b_kelthorpe_dunsby_exploitation_plan_on_a_page", 0.19, 0.0),
    # the thirteenth round: a Welsh board's plan in two languages (headers, headings, statuses and a
    # pointer a line or a half each), slides printed to PDF (a ruled header over unruled rows, a note
    # under each table) and as laid-out text, a JTAI plan whose areas' tables change their columns,
    # a peer review plan whose status and RAG columns disagree; ClickUp's CSV, Excel after Subtotal
    # (a strand folded away), Power BI's export (emoji statuses, '2025-Q1'), a council web page of
    # accordions, a sheet of quarters grouped and folded under the latest, Microsoft Forms' responses
    ("b13a_bro_tawelan_cpr_bilingual", 1.0, 1.0),
    ("b13a_hollowmead_jtai_csa_wsoa_mixed_tables", 1.0, 1.0),
    ("b13a_hollowmead_jtai_csa_wsoa_mixed_tables_layout", 1.0, 1.0),
    ("b13a_kelderwick_hoth_exec_slides", 1.0, 1.0),
    ("b13a_kelderwick_hoth_exec_slides_layout", 1.0, 0.92),  # a slide's title under the page footer lost
    ("b13a_stanmoor_cross_front_door_peer_review", 1.0, 1.0),
    ("b13b_cresswold_jtai_cce_wsoa_clickup", 1.0, 1.0),
    ("b13b_ebbleston_lcspr_child_f_forms_responses", 1.0, 1.0),
    ("b13b_quarrowby_exploitation_missing_powerbi_export", 1.0, 1.0),
    ("b13b_sandrigg_scp_business_plan_localgov_page", 1.0, 0.94),  # sub-headings inside a priority
    # an unnumbered strand named '... (children's social care)' is referred to without its bracket
    ("b13b_thistlebury_neglect_delivery_plan_subtotals", 1.0, 0.96),
    ("b13b_yarnholme_ilacs_improvement_plan_quarter_groups", 1.0, 1.0),
    # the fourteenth round: an inspection letter with the plan as its appendix, a landscape plan with
    # leads and dates merged down across page breaks, a rating history of coloured months under each
    # action, Word's list numbering saved as plain text, an Outlook email, pandoc's footnotes; Forms'
    # responses with a drop-down per area, Project for the web's outline, a Smartsheet report, Google
    # Sheets saved as a web page, a data profile beside the plan, a performance system's report
    ("b14a_caverley_hoth_delivery_plan_pandoc_footnotes", 0.97, 0.96),  # a 'See 4.1. Merged into' row
    ("b14a_hexley_moor_jtai_letter_and_action_plan", 1.0, 1.0),
    ("b14a_hexley_moor_jtai_letter_and_action_plan_layout", 1.0, 0.82),  # the letter's areas as sections
    ("b14a_orrindale_safeguarding_infants_plan_landscape", 1.0, 0.85),  # merged leads across pages
    ("b14a_orrindale_safeguarding_infants_plan_landscape_pdftotext", 0.31, 0.5),  # read in part
    ("b14a_pellingham_education_safeguarding_plan_outlook_text", 1.0, 0.83),
    ("b14a_stavercombe_ilacs_improvement_plan_rag_history", 1.0, 1.0),
    ("b14a_wrenbeck_cspr_child_p_word_plain_text", 0.93, 0.87),  # a cell's second paragraph, sections
    ("b14b_harrowgill_scp_business_plan_perf_system_report", 0.44, 0.56),  # read in part
    ("b14b_mardlecombe_neglect_delivery_plan_planner_premium", 1.0, 1.0),
    ("b14b_oxenmere_jtai_cce_wsoa_forms_responses", 1.0, 1.0),
    ("b14b_quenmouth_front_door_data_profile_and_action_plan", 1.0, 0.83),
    ("b14b_scarrowfield_jtai_da_wsoa_smartsheet_report", 1.0, 0.83),  # areas from the sheet's name
    ("b14b_tellingham_vale_lcspr_harry_tracker_gsheets", 1.0, 0.83),  # rows numbered by the sheet
    # the fifteenth round: a performance system's PDF report, an OCR'd scan, Notion's toggles, an annual
    # report with the plan as a landscape appendix, an email quoting its earlier version; Azure DevOps'
    # CSV, a plan on its side, a RAID log, a Gantt chart, LibreOffice's merged strands, threaded comments
    ("b15a_bramwyck_lessing_hoth_delivery_plan_notion_toggles", 1.0, 1.0),
    ("b15a_kelvercombe_scp_annual_report_business_plan_landscape_appendix", 1.0, 1.0),
    ("b15a_marrowick_lcspr_child_e_scanned_ocr_layout", 1.0, 0.94),  # running title, signatures
    ("b15a_ormsdale_ilacs_improvement_plan_outlook_reply_with_old_version", 1.0, 1.0),
    ("b15a_sedgecombe_jtai_cce_wsoa_perf_system_reportlab", 0.94, 0.69),  # read in part
    ("b15b_ambleworth_cspr_child_j_transposed", 1.0, 1.0),
    ("b15b_holtbridge_neglect_delivery_plan_gantt", 1.0, 1.0),
    ("b15b_kessingmoor_jtai_cce_wsoa_azure_devops", 1.0, 1.0),
    ("b15b_penmorrow_ilacs_improvement_raid_log", 1.0, 1.0),
    ("b15b_sallowby_exploitation_delivery_plan_libreoffice", 1.0, 1.0),
    ("b15b_wystanmere_scp_business_plan_threaded_comments", 1.0, 1.0),
    # the sixteenth round: Word comments on a plan with a table per priority, statuses shown only by
    # conditional formatting of '% complete', a sheet printed with its columns on later pages, a
    # performance system's fixed-width report, a council's web page
    ("b16a_brantmoor_scp_business_plan_2025_27_word_comments", 1.0, 1.0),
    ("b16a_carrowby_jtai_da_wsoa_tracker_pct_complete_cf", 1.0, 0.67),  # colours from rules, not read
    ("b16a_elsmere_cspr_child_k_tracker_excel_pdf_columns_across_pages", 1.0, 0.66),  # columns on later pages
    ("b16a_harlowby_neglect_strategy_delivery_plan_council_page", 1.0, 0.98),
    ("b16a_quenton_ash_ilacs_improvement_plan_perf_system_fixed_width", 0.46, 0.83),  # read in part
    # seventeenth round (twenty-first session): a two-row Progress header, headings and labelled
    # lines, a board report's landscape appendix, a table per 4P strand under a numbered heading, an
    # Excel tracker with formulas and a hidden sheet, a Jira export, a website's cards, a workbook
    # of a sheet per priority with a Completed sheet
    ("b17a_colbeck_wendham_exploitation_4p_delivery_plan", 1.0, 1.0),
    ("b17a_lydmouth_jtai_need_help_wsoa_progress_rag", 1.0, 1.0),
    ("b17a_merecombe_lcspr_jacob_headings_labelled_lines", 1.0, 1.0),
    ("b17a_sternfield_neglect_board_report_landscape_appendix", 1.0, 1.0),
    ("b17b_cardenholt_neglect_plan_tracker", 1.0, 0.78),  # gold joins agency and officer; dates 'End of Q2'
    ("b17b_pellbrook_jtai_early_help_wsoa_jira", 1.0, 0.8),  # areas only in labels; Blocked not rated
    ("b17b_redwater_vale_scp_business_plan_web_cards", 1.0, 1.0),
    ("b17b_wyrefield_syv_plan_sheet_per_priority", 1.0, 1.0),
]
SUFFIXES = (".txt", ".docx", ".xlsx", ".pdf", ".csv", ".html", ".odt", ".ods", ".xls", ".md")


def _scores_at_least(
    scorer: ModuleType, draft: PlanDraft, name: str, min_f1: float, min_fields: float
) -> None:
    """The draft scores at least its floors against the blind plan's gold."""
    gold = json.loads((BLIND / f"{name}.json").read_text(encoding="utf-8"))
    result = scorer.score(draft.to_dict(), gold)
    assert result["f1"] >= min_f1, (result["missed"], result["extra"])
    assert result["field_mean"] >= min_fields, result["wrong"]


def _document(name: str) -> Path:
    return next(path for suffix in SUFFIXES if (path := BLIND / f"{name}{suffix}").exists())


@needs_shared
@pytest.mark.parametrize(("name", "min_f1", "min_fields"), FLOORS)
def test_a_plan_written_without_sight_of_the_importer_imports_as_its_gold(
    scorer: ModuleType, name: str, min_f1: float, min_fields: float
) -> None:
    draft = import_document(_document(name))
    _scores_at_least(scorer, draft, name, min_f1, min_fields)


# The same PDFs as text, printed by `pdftotext -layout` (the text a partnership may be sent instead
# of the PDF, or make themselves): read from the columns the printing lays out. The borderless
# LibreOffice PDF (kestrelmoor) and the Word plans printed without rules are read in part.
LAYOUT_FLOORS = [
    ("wexcombe_jtai_wsoa_weasyprint", 1.0, 1.0),
    ("amwscp_jtai_tracker_excel_print", 0.97, 0.94),
    ("hollinsbury_cspr_child_t_board_report", 0.95, 0.96),
    ("sallowfield_scp_delivery_plan_blocks", 1.0, 0.97),
    ("wealdbridge_scp_delivery_plan_2025_26", 1.0, 0.96),
    ("kestrelmoor_jtai_early_help_wsoa", 0.89, 0.4),
    ("brackenmoor_scr_baby_l", 1.0, 0.93),
    ("b17a_sternfield_neglect_board_report_landscape_appendix", 1.0, 1.0),
]


@needs_shared
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize(("name", "min_f1", "min_fields"), LAYOUT_FLOORS)
def test_a_blind_pdf_printed_as_laid_out_text_imports_as_its_gold(
    scorer: ModuleType, name: str, min_f1: float, min_fields: float
) -> None:
    printed = subprocess.run(
        ["pdftotext", "-layout", str(BLIND / f"{name}.pdf"), "-"], capture_output=True, check=True
    ).stdout
    draft = import_document(printed, filename=f"{name}.txt")
    _scores_at_least(scorer, draft, name, min_f1, min_fields)


# The Word plans above printed to PDF by LibreOffice, then to text by `pdftotext -layout` (kept in
# `blind/printed/`, as CI has no LibreOffice): the text a partnership may hold instead of the
# Word file. Word's list numbering, section rows inside the table and bracketed notes in column
# names are read; a plan laid out beside a sidebar (calderbrook) is not, and tables whose rows
# hold several bulleted actions or tracked changes are read in part.
PRINTED_FLOORS = [
    ("brackenford_neglect_delivery_plan", 1.0, 0.97),
    ("brackenmoor_ilacs_improvement_plan", 0.9, 0.95),
    ("castlemere_cspr_baby_rowan", 1.0, 0.97),
    ("ellerwick_partnership_plan_2025_27", 0.88, 0.94),
    ("fernhollow_jtai_syv_wsoa", 1.0, 0.93),
    ("kestlebridge_jtai_wsoa_early_help", 1.0, 0.82),
    ("marrowdene_cspr_ruby_alfie_action_plan", 1.0, 0.81),
    ("oldhaven_domestic_abuse_partnership_plan", 0.96, 0.18),
    ("pellowby_cspr_baby_tommy_action_plan", 1.0, 0.98),
    ("quenbury_neglect_delivery_plan_2024_26", 0.39, 0.5),
    ("tarnleigh_jtai_domestic_abuse_wsoa", 0.76, 0.71),
    ("wenmouth_exploitation_delivery_plan", 0.28, 0.09),
    ("wyndle_vale_jtai_wsoa", 0.85, 0.74),
    ("thornbury_vale_business_plan", 1.0, 1.0),  # an OpenDocument plan, printed the same way
]


@needs_shared
@pytest.mark.parametrize(("name", "min_f1", "min_fields"), PRINTED_FLOORS)
def test_a_blind_word_plan_printed_to_pdf_and_then_to_text_imports_as_its_gold(
    scorer: ModuleType, name: str, min_f1: float, min_fields: float
) -> None:
    draft = import_document(BLIND / "printed" / f"{name}.layout.txt")
    _scores_at_least(scorer, draft, name, min_f1, min_fields)


# The fourteenth session's blind PDFs as three tools print them (kept in `blind/extracted/`):
# `pdftotext -layout`, plain `pdftotext` and pdfminer.six's `extract_text`. pdfminer prints a
# table whose cells wrap column by column (all references, then all texts ...), read where the
# columns' counts agree and otherwise left out with a warning.
EXTRACTED_FLOORS = [
    ("marlowe_vale_send_wsoa", "layout", 1.0, 0.98),
    ("marlowe_vale_send_wsoa", "pdftotext", 1.0, 0.9),
    ("marlowe_vale_send_wsoa", "pdfminer", 0.31, 0.27),
    ("thornbury_fells_jtai_domestic_abuse", "layout", 1.0, 1.0),
    ("thornbury_fells_jtai_domestic_abuse", "pdftotext", 1.0, 0.94),
    ("thornbury_fells_jtai_domestic_abuse", "pdfminer", 0.85, 1.0),
    ("kingsmere_scp_business_plan_2021_22", "layout", 1.0, 1.0),
    ("kingsmere_scp_business_plan_2021_22", "pdftotext", 1.0, 0.73),
    ("kingsmere_scp_business_plan_2021_22", "pdfminer", 0.91, 0.75),
    ("brackenfield_ilacs_improvement_plan", "layout", 1.0, 0.95),
    ("brackenfield_ilacs_improvement_plan", "pdftotext", 0.88, 0.52),
    ("brackenfield_ilacs_improvement_plan", "pdfminer", 0.37, 0.55),
    ("eastmere_hsb_delivery_plan", "layout", 1.0, 0.87),
    ("eastmere_hsb_delivery_plan", "pdfminer", 0.4, 0.43),
]


@needs_shared
@pytest.mark.parametrize(("name", "printing", "min_f1", "min_fields"), EXTRACTED_FLOORS)
def test_a_blind_pdf_as_an_extraction_tool_prints_it_imports_as_its_gold(
    scorer: ModuleType, name: str, printing: str, min_f1: float, min_fields: float
) -> None:
    draft = import_document(BLIND / "extracted" / f"{name}.{printing}.txt")
    _scores_at_least(scorer, draft, name, min_f1, min_fields)
