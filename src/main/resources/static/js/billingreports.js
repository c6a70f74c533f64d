// billingreports
