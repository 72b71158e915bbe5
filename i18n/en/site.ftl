# The steering group's site (`plan site`): page titles, navigation, headings,
# table headers and the words of status. English.

site-nav-index = Overview
site-index-title = Management plans { $year }
